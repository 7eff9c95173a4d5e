package org.district.socialmedia.posts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * That a recorded post was taken down for one of its students, and by which takedown task: its key
 * (post, student) makes it happen once, whatever revocations follow.
 */
@Entity
@Table(name = "recorded_post_takedown")
@IdClass(PostTakedown.Key.class)
public class PostTakedown implements Serializable {

    /** The primary key; a class rather than a record, because JPA sets its fields. */
    public static class Key implements Serializable {

        private Long postId;
        private Long studentId;

        public Key() {
        }

        public Key(Long postId, Long studentId) {
            this.postId = postId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Key other && Objects.equals(postId, other.postId) && Objects.equals(studentId, other.studentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, studentId);
        }
    }

    @Id
    @Column(name = "post_id", nullable = false, updatable = false)
    private Long postId;

    @Id
    @Column(name = "student_id", nullable = false, updatable = false)
    private Long studentId;

    @Column(name = "task_id", nullable = false, updatable = false)
    private long taskId;

    protected PostTakedown() {
    }

    public PostTakedown(long postId, long studentId, long taskId) {
        this.postId = postId;
        this.studentId = studentId;
        this.taskId = taskId;
    }

    public Long getPostId() {
        return postId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public long getTaskId() {
        return taskId;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PostTakedown other && Objects.equals(postId, other.postId)
                && Objects.equals(studentId, other.studentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(postId, studentId);
    }
}
