package org.district.socialmedia.parents.entity;

/** Whom a consent request goes to: one student's parents, a class's, or a whole school's. */
public enum TargetKind {
    STUDENT, CLASS, SCHOOL
}
