package org.district.socialmedia.requests.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.policy.boundary.PolicyText;
import org.district.socialmedia.requests.entity.DecisionLetter;
import org.district.socialmedia.requests.entity.RequestLine;
import org.district.socialmedia.requests.entity.SocialMediaRequest;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.DistrictSettings;

import java.time.ZoneId;
import java.util.List;

/**
 * Writes the Superintendent's written response as a PDF at the moment of the decision, in the
 * decision's transaction: the decision and its letter are saved together or not at all.
 */
@Stateless
public class LetterWriter {

    @PersistenceContext
    EntityManager em;
    @Inject
    DistrictSettingsService settings;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public DecisionLetter write(SocialMediaRequest request) {
        DistrictSettings district = settings.current();
        ZoneId zone = district.timeZone();
        String reference = DecisionLetter.referenceFor(request);
        List<LetterContent.LetterLine> lines = request.getLines().stream().map(LetterWriter::line).toList();
        LetterContent content = new LetterContent(district.districtName(), reference, request.getDecidedAt().atZone(zone),
                request.getRequester().getFullName(), request.getRequester().getEmail(),
                request.getRequester().getUnit() == null ? null : request.getRequester().getUnit().getName(),
                request.getSubmittedAt().atZone(zone), request.getOutcome().label(), lines, request.getDecidedByName(),
                request.getDecidedByRole(), request.getDecisionNote(),
                request.getAcknowledgedPolicyVersion() == null ? PolicyText.VERSION : request.getAcknowledgedPolicyVersion());
        DecisionLetter letter = new DecisionLetter(request, reference, DecisionLetterRenderer.render(content), request.getDecidedAt());
        em.persist(letter);
        return letter;
    }

    private static LetterContent.LetterLine line(RequestLine l) {
        return new LetterContent.LetterLine(l.getPosition() + 1, l.platformLabel(), l.accountLabel(), l.getObjectives(),
                l.getOutcome().label(), l.getLimits(), l.getExplanation());
    }
}
