package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.district.socialmedia.accounts.control.AccountComplianceTally;
import org.district.socialmedia.accounts.control.AccountRecords;
import org.district.socialmedia.accounts.control.RightsAuthority;
import org.district.socialmedia.accounts.entity.AccountAttestation;
import org.district.socialmedia.accounts.entity.AccountStatus;
import org.district.socialmedia.accounts.entity.AttestationEvidence;
import org.district.socialmedia.accounts.entity.DistrictAccount;
import org.district.socialmedia.audit.control.AuditLog;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.platform.entity.ConflictException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.platform.entity.ScanType;
import org.district.socialmedia.settings.boundary.DistrictSettingsService;
import org.district.socialmedia.settings.entity.EscalationPlan;
import org.district.socialmedia.settings.entity.SettingKey;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's yearly checklist: what is due and when, signing it off with a screenshot (checked by content, as
 * consent scans are), its history and the screenshots. Whoever may see the account sees its checklist; the
 * registry's keepers and the account's District administrators sign it off.
 */
@Stateless
@RolesAllowed({Role.EMPLOYEE_NAME, Role.REVIEWER_NAME, Role.SUPERINTENDENT_NAME, Role.SITE_ADMIN_NAME,
        Role.AUDITOR_NAME, Role.SYSTEM_ADMIN_NAME})
public class AccountChecklists {

    /** What is confirmed; the District administrators are counted from the rights in force, never ticked. */
    public record SignOffInput(Boolean identifiesDistrict, List<String> privacyItems, Boolean recoveryIsDistrict)
            implements Serializable {
    }

    public record SignOffView(Long id, LocalDate dueOn, LocalDate nextDueOn, Instant signedAt, String signedBy,
                              List<String> privacyItems, int adminsAtSignOff, ScanType evidenceType, String evidenceName,
                              long evidenceSize, String evidenceSha256) implements Serializable {
    }

    /**
     * The checklist due now: its due date, whether it is overdue or due within the first reminder, the platform's
     * privacy items to confirm, the administrators counted, whether the caller may sign it off; past sign-offs, newest first.
     */
    public record ChecklistView(Long accountId, LocalDate dueOn, boolean overdue, boolean dueSoon, List<String> privacyItems,
                                int activeAdmins, int adminsNeeded, boolean maySignOff, List<SignOffView> history)
            implements Serializable {
    }

    /** A screenshot to download. */
    public record Screenshot(ScanType type, String storedName, byte[] content) {
    }

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AccountComplianceTally compliance;
    @Inject
    AuditLog audit;
    @Inject
    RightsAuthority authority;
    @Inject
    DistrictSettingsService settings;

    public ChecklistView get(Long accountId) {
        RightsAuthority.Caller caller = authority.caller();
        return view(AccountRecords.visible(em, caller, accountId), caller);
    }

    /**
     * Signs off the account's checklist due now.
     *
     * @param evidence the screenshot's bytes as uploaded (read with {@link ScanInspector#read(java.io.InputStream, String, String)})
     * @throws InvalidInputException naming every item at fault (the screenshot under "evidence"); nothing is stored
     */
    public ChecklistView signOff(Long accountId, SignOffInput input, byte[] evidence, String evidenceName) {
        RightsAuthority.Caller caller = authority.caller();
        DistrictAccount account = AccountRecords.visible(em, caller, accountId);
        // the checklist timer moves the account's next check (a new version) at any moment, most often just after the
        // account is made: read it again under a row lock, so that change waits for this one instead of refusing it
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        AccountRecords.requireChecker(em, caller, account);
        String evidenceError = null;
        ScanInspector.InspectedScan scan = null;
        if (evidence != null && evidence.length > 0) {
            try {
                scan = ScanInspector.inspect(evidence, evidenceName, "evidence", "screenshot");
            } catch (InvalidInputException e) {
                evidenceError = e.getFieldErrors().get("evidence");
            }
        }
        SignOffInput in = input == null ? new SignOffInput(null, null, null) : input;
        DistrictAccount.Checklist checklist = new DistrictAccount.Checklist(Boolean.TRUE.equals(in.identifiesDistrict()),
                in.privacyItems(), Boolean.TRUE.equals(in.recoveryIsDistrict()));
        List<String> items = account.getPlatform().privacyItems();
        Instant now = clock.instant();
        AccountAttestation signed;
        try {
            // a refused screenshot goes in as none: the account then refuses, naming every other item at fault too
            signed = account.signOffChecklist(checklist, items, scan == null ? null
                            : new AccountAttestation.EvidenceFacts(scan.type(), evidenceName, scan.size(), scan.sha256()),
                    caller.username(), now, zone());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(e.getFieldErrors());
            if (evidenceError != null) {
                errors.put("evidence", evidenceError);
            }
            throw new InvalidInputException(errors);
        }
        em.persist(signed);
        compliance.accountChanged(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the unique key (account, due date) or the account's version: someone signed it off meanwhile
            throw new ConflictException("Someone signed off this checklist meanwhile: reload the account");
        }
        em.persist(new AttestationEvidence(signed, scan.content()));
        audit.record("ACCOUNT_CHECKLIST_SIGNED_OFF", DistrictAccount.OBJECT_TYPE, accountId, "checklist due " + signed.getDueOn()
                + " signed off: identifies the District; privacy settings: " + String.join("; ", items) + "; "
                + signed.getAdminsAtSignOff() + " District administrators; recovery email and phone are District ones; screenshot "
                + scan.type() + " " + scan.size() + " bytes, SHA-256 " + scan.sha256() + "; next due " + signed.getNextDueOn());
        AccountRecords.flush(em);
        return view(account, caller);
    }

    /** A past sign-off's screenshot, for whoever may see the account. */
    public Screenshot screenshot(Long accountId, Long signOffId) {
        AccountRecords.visible(em, authority.caller(), accountId);
        AccountAttestation signed = signOffId == null ? null : em.find(AccountAttestation.class, signOffId);
        if (signed == null || !signed.getAccountId().equals(accountId)) {
            throw new NotFoundException("Screenshot");
        }
        AttestationEvidence content = em.find(AttestationEvidence.class, signOffId);
        if (content == null) {
            throw new NotFoundException("Screenshot");
        }
        return new Screenshot(signed.getEvidenceType(), signed.storedName(), content.getContent());
    }

    /** Checklists due on or before this day are "due": today plus the earliest reminder (ATTESTATION_REMINDERS). */
    public LocalDate dueBy() {
        Duration first = reminders().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return clock.instant().atZone(zone()).toLocalDate().plusDays(first.toDays());
    }

    private List<Duration> reminders() {
        return EscalationPlan.parseReminders(settings.value(SettingKey.ATTESTATION_REMINDERS));
    }

    private ZoneId zone() {
        return settings.current().timeZone();
    }

    private ChecklistView view(DistrictAccount account, RightsAuthority.Caller caller) {
        Instant now = clock.instant();
        List<SignOffView> history = em.createQuery("SELECT s FROM AccountAttestation s WHERE s.accountId = :a ORDER BY s.signedAt DESC, s.id DESC",
                        AccountAttestation.class).setParameter("a", account.getId()).setMaxResults(50).getResultStream()
                .map(s -> new SignOffView(s.getId(), s.getDueOn(), s.getNextDueOn(), s.getSignedAt(), s.getSignedBy(), s.getPrivacyItems(),
                        s.getAdminsAtSignOff(), s.getEvidenceType(), s.getEvidenceName(), s.getEvidenceSize(), s.getEvidenceSha256()))
                .toList();
        boolean maySignOff = account.getStatus() != AccountStatus.ARCHIVED && AccountRecords.mayCheck(em, caller, account);
        return new ChecklistView(account.getId(), account.getAttestationDueOn(), account.isChecklistOverdue(now),
                !account.getAttestationDueOn().isAfter(dueBy()), account.getPlatform().privacyItems(), account.getActiveAdmins(),
                DistrictAccount.MIN_ADMINS, maySignOff, history);
    }
}
