package org.district.socialmedia.oversight.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * On one day, the share of enrolled students whose consent allows each item (a form in its period, the
 * item not revoked by then; the full name allows the first name), per school and per class; and the forms
 * in force whose period ends within 30 days. Names are the API's. The District's answer may hold one page of its
 * schools: {@code schoolsTotal} of them, this page from the {@code first} (0 on) in name order.
 */
public record ConsentCoverage(String date, List<String> items, List<Row> schools, List<Row> classes,
                              long formsEndingIn30Days, long schoolsTotal, int first) implements Serializable {

    /** Every school of the answer on one page. */
    public ConsentCoverage(String date, List<String> items, List<Row> schools, List<Row> classes, long formsEndingIn30Days) {
        this(date, items, schools, classes, formsEndingIn30Days, schools.size(), 0);
    }

    /**
     * @param covered per item, how many of the enrolled students may appear with it
     * @param share   per item, covered / enrolled as a fraction (null for no students)
     */
    public record Row(Long id, String name, String school, long enrolled, Map<String, Long> covered,
                      Map<String, Double> share) implements Serializable {
    }
}
