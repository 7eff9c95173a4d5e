package org.district.socialmedia.consent.entity;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One school's or class's consent coverage on a day: how many students are enrolled and, per item (in the
 * order of {@link ConsentItem}), how many of them may appear with it. {@code classId} 0 is the school as a whole;
 * a school's count also holds its students' forms in force whose period ends within 30 days of the day
 * ({@code formsEnding}; 0 for a class).
 */
public record CoverageCount(long unitId, long classId, long enrolled, long[] covered, long formsEnding) implements Serializable {

    public static final long SCHOOL = 0;

    /** A count without forms ending (a class's, or a school's before they are counted). */
    public CoverageCount(long unitId, long classId, long enrolled, long[] covered) {
        this(unitId, classId, enrolled, covered, 0);
    }

    /** The same count with the forms ending within 30 days. */
    public CoverageCount withFormsEnding(long forms) {
        return new CoverageCount(unitId, classId, enrolled, covered, forms);
    }

    public CoverageCount {
        if (covered.length != ConsentItem.values().length) {
            throw new IllegalArgumentException("a count per consent item");
        }
        covered = covered.clone();
    }

    public long covered(ConsentItem item) {
        return covered[item.ordinal()];
    }

    public boolean isSchool() {
        return classId == SCHOOL;
    }

    /** The key a recount names: the school, or the class of the school. */
    public String key() {
        return isSchool() ? "unit " + unitId : "unit " + unitId + " class " + classId;
    }

    public String figures() {
        return "enrolled " + enrolled + ", covered " + Arrays.toString(covered) + (isSchool() ? ", forms ending " + formsEnding : "");
    }

    public boolean sameFigures(CoverageCount other) {
        return other != null && enrolled == other.enrolled && Arrays.equals(covered, other.covered) && formsEnding == other.formsEnding;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageCount c && unitId == c.unitId && classId == c.classId && sameFigures(c);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(unitId) * 31 + Long.hashCode(classId);
    }

    @Override
    public String toString() {
        return key() + ": " + figures();
    }
}
