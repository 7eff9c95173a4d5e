package org.district.socialmedia.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * A yes or no for each {@link ConsentItem}, as six boolean columns: the form's scope, a revocation's
 * scope, the items of a checked post. Columns rather than a child table, because the consent check
 * reads them for every form of a class.
 */
@Embeddable
public class ConsentScope implements Serializable {

    @Column(name = "photo", nullable = false)
    private boolean photo;

    @Column(name = "video", nullable = false)
    private boolean video;

    @Column(name = "full_name", nullable = false)
    private boolean fullName;

    @Column(name = "first_name", nullable = false)
    private boolean firstName;

    @Column(name = "student_work", nullable = false)
    private boolean studentWork;

    @Column(name = "voice", nullable = false)
    private boolean voice;

    protected ConsentScope() {
    }

    public static ConsentScope of(Set<ConsentItem> items) {
        ConsentScope scope = new ConsentScope();
        scope.photo = items.contains(ConsentItem.PHOTO);
        scope.video = items.contains(ConsentItem.VIDEO);
        scope.fullName = items.contains(ConsentItem.FULL_NAME);
        scope.firstName = items.contains(ConsentItem.FIRST_NAME);
        scope.studentWork = items.contains(ConsentItem.STUDENT_WORK);
        scope.voice = items.contains(ConsentItem.VOICE);
        return scope;
    }

    public Set<ConsentItem> items() {
        Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
        if (photo) {
            items.add(ConsentItem.PHOTO);
        }
        if (video) {
            items.add(ConsentItem.VIDEO);
        }
        if (fullName) {
            items.add(ConsentItem.FULL_NAME);
        }
        if (firstName) {
            items.add(ConsentItem.FIRST_NAME);
        }
        if (studentWork) {
            items.add(ConsentItem.STUDENT_WORK);
        }
        if (voice) {
            items.add(ConsentItem.VOICE);
        }
        return items;
    }

    public boolean isEmpty() {
        return items().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentScope other && items().equals(other.items());
    }

    @Override
    public int hashCode() {
        return items().hashCode();
    }

    @Override
    public String toString() {
        return items().toString();
    }
}
