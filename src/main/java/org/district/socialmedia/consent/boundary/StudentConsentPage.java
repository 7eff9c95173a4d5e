package org.district.socialmedia.consent.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.district.socialmedia.platform.control.ScanInspector;
import org.district.socialmedia.consent.entity.ConsentChannel;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentStateException;
import org.district.socialmedia.consent.entity.ReceivedBy;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.requests.entity.Platform;
import org.district.socialmedia.students.entity.GuardianRole;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One student's consent records: guardians, forms with their scans and revocations; the clerk
 * records a new signed form (with the scan) and a parent's revocation.
 */
@Named
@ViewScoped
public class StudentConsentPage implements Serializable {

    @Inject
    ConsentService service;

    private String id;
    private ConsentService.StudentView student;
    private List<Platform> platforms;
    // the new form
    private Long guardianId;
    private LocalDate signedOn;
    private String formVersion;
    private ReceivedBy receivedBy = ReceivedBy.PAPER_SCAN;
    private List<String> items = new ArrayList<>();
    private ConsentChannel channel = ConsentChannel.ALL;
    private List<String> platformIds = new ArrayList<>();
    private List<String> accountIds = new ArrayList<>();
    private List<ConsentService.AccountChoice> accounts = List.of();
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String notes;
    private transient Part scan;
    private boolean confirmingEverything;
    private byte[] keptScan;
    private String keptScanName;
    // a parent or guardian entered by hand
    private String guardianGivenName;
    private String guardianFamilyName;
    private String guardianEmail;
    private String guardianPhone;
    private String guardianRelationship = "PARENT";
    // a revocation
    private Long revokeFormId;
    private LocalDate revokedOn;
    private String revokeReceivedBy;
    private List<String> revokeItems = new ArrayList<>();

    public void load() throws IOException {
        try {
            student = service.student(id);
            platforms = service.platforms();
            accounts = service.accountChoices();
        } catch (NotFoundException | IllegalArgumentException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Student not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void record() {
        // a scan sent with a refused form is kept when the scan itself was fine: only a refused scan is sent again
        byte[] bytes = keptScan;
        String name = keptScanName;
        boolean scanSent = keptScan != null || scan != null && scan.getSize() > 0;
        try {
            if (scan != null && scan.getSize() > 0) {
                name = scan.getSubmittedFileName();
                try (InputStream in = scan.getInputStream()) {
                    bytes = ScanInspector.read(in);
                }
            }
            Set<Long> platformSet = new LinkedHashSet<>();
            platformIds.forEach(p -> platformSet.add(Long.valueOf(p)));
            ConsentService.FormView form = service.record(new ConsentService.FormInput(student.districtId(), guardianId, signedOn,
                    formVersion, receivedBy == null ? null : receivedBy.name(), new LinkedHashSet<>(items), channel.name(), parseIds(accountIds),
                    platformSet, periodStart, periodEnd, notes), bytes, name);
            Messages.info("The form is recorded: " + form.periodStart() + " to " + form.periodEnd() + ".");
            guardianId = null;
            signedOn = periodStart = periodEnd = null;
            formVersion = notes = null;
            accountIds = new ArrayList<>();
            items = new ArrayList<>();
            platformIds = new ArrayList<>();
            keptScan = null;
            keptScanName = null;
            student = service.student(id);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(e.getFieldErrors());
            if (errors.containsKey("scan")) {
                keptScan = null;
                keptScanName = null;
                if (scanSent) {
                    errors.put("scan", "Attach the scan again: " + errors.get("scan") + ". The other fields are kept.");
                }
            } else if (bytes != null) {
                keptScan = bytes;
                keptScanName = name;
            }
            Messages.fieldErrors("newForm", new InvalidInputException(errors));
        } catch (IOException e) {
            Messages.error("The scan could not be read: " + e.getMessage());
        }
    }

    private static Set<Long> parseIds(List<String> chosen) {
        Set<Long> ids = new LinkedHashSet<>();
        if (chosen == null) {
            return ids;
        }
        for (String part : chosen) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("accountIds", "'" + part.strip() + "' is not an account number");
                }
            }
        }
        return ids;
    }

    public void addGuardian() {
        try {
            student = service.addGuardian(student.districtId(), new ConsentService.NewGuardian(guardianGivenName, guardianFamilyName,
                    guardianEmail, guardianPhone, guardianRelationship));
            Messages.info("The parent or guardian is added.");
            guardianGivenName = guardianFamilyName = guardianEmail = guardianPhone = null;
        } catch (InvalidInputException e) {
            Messages.fieldErrors("newGuardian", e);
        }
    }

    public void prepareRevoke(Long formId) {
        revokeFormId = formId;
        confirmingEverything = false;
        revokedOn = null;
        revokeReceivedBy = null;
        revokeItems = new ArrayList<>();
    }

    /**
     * Records the revocation. With no item ticked the revocation covers everything the form still
     * allows; that is asked first, in words, and done only by {@link #revokeEverything}.
     */
    public void revoke() {
        if (revokeItems == null || revokeItems.isEmpty()) {
            confirmingEverything = true;
            Messages.fieldErrors("revokeForm", new InvalidInputException("items", "No item is ticked: this revokes everything "
                    + "form " + revokeFormId + " still allows. Tick the items the parent revoked, or press \"Revoke everything\"."));
            return;
        }
        recordRevocation();
    }

    /** The confirmed revocation of everything the form still allows. */
    public void revokeEverything() {
        revokeItems = new ArrayList<>();
        recordRevocation();
    }

    private void recordRevocation() {
        confirmingEverything = false;
        try {
            ConsentService.FormView form = service.revoke(revokeFormId, new ConsentService.RevocationInput(revokedOn, revokeReceivedBy,
                    new LinkedHashSet<>(revokeItems)));
            Messages.info("The revocation is recorded." + (form.takedownTasks().isEmpty() ? ""
                    : " Takedown tasks went to the operators of " + form.takedownTasks().size() + " account(s)."));
            revokeFormId = null;
            student = service.student(id);
        } catch (InvalidInputException e) {
            Messages.fieldErrors("revokeForm", e);
        } catch (ConsentStateException e) {
            Messages.error(e.getMessage());
        }
    }

    public ConsentItem[] getAllItems() { return ConsentItem.values(); }
    /** A guardian's relationship (kept as the API's code) in words. */
    public String relationship(String code) {
        return Labels.of(GuardianRole.class, code);
    }

    public GuardianRole[] getRelationships() {
        return GuardianRole.values();
    }
    public String getGuardianGivenName() { return guardianGivenName; }
    public void setGuardianGivenName(String v) { this.guardianGivenName = v; }
    public String getGuardianFamilyName() { return guardianFamilyName; }
    public void setGuardianFamilyName(String v) { this.guardianFamilyName = v; }
    public String getGuardianEmail() { return guardianEmail; }
    public void setGuardianEmail(String v) { this.guardianEmail = v; }
    public String getGuardianPhone() { return guardianPhone; }
    public void setGuardianPhone(String v) { this.guardianPhone = v; }
    public String getGuardianRelationship() { return guardianRelationship; }
    public void setGuardianRelationship(String v) { this.guardianRelationship = v; }
    public ConsentChannel[] getChannels() { return ConsentChannel.values(); }
    public ReceivedBy[] getReceivedByValues() { return ReceivedBy.values(); }
    public long getMaxScanBytes() { return ScanInspector.MAX_BYTES; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ConsentService.StudentView getStudent() { return student; }
    /** Where a recorded form lets the District post, with account and platform names instead of their numbers. */
    public String where(ConsentService.FormView form) {
        String where = Labels.of(form.channel());
        if (form.channel() == ConsentChannel.ACCOUNTS) {
            Map<Long, String> names = accounts.stream()
                    .collect(Collectors.toMap(ConsentService.AccountChoice::id, ConsentService.AccountChoice::label));
            where += ": " + form.accountIds().stream().map(i -> names.getOrDefault(i, "account " + i)).collect(Collectors.joining(", "));
        } else if (form.channel() == ConsentChannel.PLATFORMS) {
            Map<Long, String> names = platforms.stream().collect(Collectors.toMap(Platform::getId, Platform::getName));
            where += ": " + form.platformIds().stream().map(i -> names.getOrDefault(i, "platform " + i)).collect(Collectors.joining(", "));
        }
        return where;
    }

    public List<Platform> getPlatforms() { return platforms; }
    public Long getGuardianId() { return guardianId; }
    public void setGuardianId(Long guardianId) { this.guardianId = guardianId; }
    public LocalDate getSignedOn() { return signedOn; }
    public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
    public String getFormVersion() { return formVersion; }
    public void setFormVersion(String formVersion) { this.formVersion = formVersion; }
    public ReceivedBy getReceivedBy() { return receivedBy; }
    public void setReceivedBy(ReceivedBy receivedBy) { this.receivedBy = receivedBy; }
    public List<String> getItems() { return items; }
    public void setItems(List<String> items) { this.items = items; }
    public ConsentChannel getChannel() { return channel; }
    public void setChannel(ConsentChannel channel) { this.channel = channel; }
    public List<String> getPlatformIds() { return platformIds; }
    public void setPlatformIds(List<String> platformIds) { this.platformIds = platformIds; }
    public List<String> getAccountIds() { return accountIds; }
    public void setAccountIds(List<String> accountIds) { this.accountIds = accountIds; }
    public List<ConsentService.AccountChoice> getAccounts() { return accounts; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Part getScan() { return scan; }
    /** The name of a scan sent with a refused form and kept, or null. */
    public String getKeptScanName() { return keptScan == null ? null : keptScanName; }
    public void setScan(Part scan) { this.scan = scan; }
    public Long getRevokeFormId() { return revokeFormId; }
    public boolean isConfirmingEverything() { return confirmingEverything; }
    public LocalDate getRevokedOn() { return revokedOn; }
    public void setRevokedOn(LocalDate revokedOn) { this.revokedOn = revokedOn; }
    public String getRevokeReceivedBy() { return revokeReceivedBy; }
    public void setRevokeReceivedBy(String revokeReceivedBy) { this.revokeReceivedBy = revokeReceivedBy; }
    public List<String> getRevokeItems() { return revokeItems; }
    public void setRevokeItems(List<String> revokeItems) { this.revokeItems = revokeItems; }
}
