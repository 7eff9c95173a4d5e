package org.district.socialmedia.posts.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.district.socialmedia.accounts.control.WhoOperates;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.posts.entity.Post;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The recorded posts' lists: a page of posts in three queries (posts, their students, their takedowns), never one per post. */
public final class PostQueries {

    /** One student of one post, by District id. */
    public record PostStudent(Long postId, String districtId) {
    }

    private PostQueries() {
    }

    /**
     * Posts planned between the days (either may be null), newest first.
     *
     * @param accountId null for every account the filter allows
     * @param reader    null: every account (oversight); else only accounts that user operates or administers
     */
    public static List<Post> posts(EntityManager em, Long accountId, LocalDate from, LocalDate to, String reader, int max) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("SELECT p FROM Post p WHERE 1 = 1");
        if (accountId != null) {
            jpql.append(" AND p.accountId = :accountId");
            params.put("accountId", accountId);
        }
        if (from != null) {
            jpql.append(" AND p.plannedOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" AND p.plannedOn <= :to");
            params.put("to", to);
        }
        if (reader != null) {
            jpql.append(" AND (").append(WhoOperates.operatedBy(reader, "p.accountId", params)).append(" OR ")
                    .append(WhoOperates.administeredBy(reader, "p.accountId", params)).append(")");
        }
        jpql.append(" ORDER BY p.plannedOn DESC, p.id DESC");
        TypedQuery<Post> query = em.createQuery(jpql.toString(), Post.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    /** The District ids of the posts' students, per post. */
    public static Map<Long, List<String>> students(EntityManager em, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT NEW " + PostStudent.class.getName() + "(p.id, s.districtId) FROM Post p JOIN p.studentIds sid,"
                        + " Student s WHERE s.id = sid AND p.id IN :ids ORDER BY s.districtId", PostStudent.class)
                .setParameter("ids", postIds).getResultStream()
                .collect(Collectors.groupingBy(PostStudent::postId, LinkedHashMap::new,
                        Collectors.mapping(PostStudent::districtId, Collectors.toList())));
    }

    /** The District ids of the students each post was taken down for. */
    public static Map<Long, List<String>> takenDown(EntityManager em, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT NEW " + PostStudent.class.getName() + "(t.postId, s.districtId) FROM PostTakedown t, Student s"
                        + " WHERE s.id = t.studentId AND t.postId IN :ids ORDER BY s.districtId", PostStudent.class)
                .setParameter("ids", postIds).getResultStream()
                .collect(Collectors.groupingBy(PostStudent::postId, LinkedHashMap::new,
                        Collectors.mapping(PostStudent::districtId, Collectors.toList())));
    }

    /** "Facebook: @handle" of each account. */
    public static Map<Long, String> accountLabels(EntityManager em, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM DistrictAccount a WHERE a.id IN :ids", DistrictAccount.class)
                .setParameter("ids", accountIds).getResultStream()
                .collect(Collectors.toMap(DistrictAccount::getId, a -> a.platformLabel() + ": " + a.getHandle()));
    }
}
