package org.district.socialmedia.requests.entity;

import java.io.Serializable;

/**
 * The reviewer's answer for one line.
 *
 * @param limits      the modified or limited use authorized; required for {@link LineOutcome#AMEND} only
 * @param explanation required for {@link LineOutcome#REJECT} and {@link LineOutcome#AMEND}, optional otherwise
 */
public record LineDecision(LineOutcome outcome, String limits, String explanation) implements Serializable {

    public LineDecision {
        limits = Texts.clean(limits);
        explanation = Texts.clean(explanation);
    }
}
