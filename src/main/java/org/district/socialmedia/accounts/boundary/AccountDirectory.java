package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.accounts.control.AccountQueries;
import org.district.socialmedia.accounts.control.DirectoryEntry;
import org.district.socialmedia.accounts.control.DirectoryUnits;
import org.district.socialmedia.accounts.control.DirectoryVersions;
import org.district.socialmedia.people.entity.OrgUnit;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.List;

/** The public directory of the District's accounts: active accounts only, and nothing about people. Open to everyone. */
@Stateless
@PermitAll
public class AccountDirectory {

    @PersistenceContext
    EntityManager em;
    @Inject
    DirectoryVersions directoryVersions;
    @Inject
    DirectoryUnits directoryUnits;

    public List<DirectoryEntry> directory() {
        return AccountQueries.directory(em, null).getResultList();
    }

    /** The active accounts of one school or department, all of them (a school has about a hundred). */
    public List<DirectoryEntry> directoryOf(Long unitId) {
        return AccountQueries.directory(em, unitId).getResultList();
    }

    /** A page of the active accounts of one school or department, in the directory's order. */
    public List<DirectoryEntry> directoryOf(Long unitId, int first, int size) {
        AccountQueries.checkPage(first, size);
        return AccountQueries.directory(em, unitId).setFirstResult(first).setMaxResults(size).getResultList();
    }

    /** The schools and departments that have active accounts, by name, with how many; one list per directory version. */
    public List<DirectoryUnits.Unit> directoryUnits() {
        return directoryUnits.of(directoryVersion(), () -> AccountQueries.directoryUnits(em));
    }

    /**
     * The id of the school or department named by its code or its id, for a part of the directory
     * (whether it has accounts or not).
     *
     * @throws InvalidInputException naming {@code unit} or {@code unitId} when none has it
     */
    public Long directoryUnitId(String code, Long id) {
        boolean byCode = code != null && !code.isBlank();
        if (byCode && id != null) {
            throw new InvalidInputException("unit", "Name the school or department by its code (unit) or its id (unitId), not both");
        }
        if (id != null) {
            if (em.find(OrgUnit.class, id) == null) {
                throw new InvalidInputException("unitId", "No school or department has the id " + id);
            }
            return id;
        }
        if (!byCode) {
            throw new InvalidInputException("unit", "Name the school or department by its code");
        }
        return em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class).setParameter("code", code.strip()).getResultStream()
                .findFirst().map(OrgUnit::getId)
                .orElseThrow(() -> new InvalidInputException("unit", "No school or department has the code '" + code.strip() + "'"));
    }

    /**
     * The directory's version, for its ETag and for what is built once per version: one row that
     * every change of what the directory shows raises in its own transaction (V12), so reading it
     * costs the same at 100 or 100,000 accounts, on every server sharing the database.
     */
    public String directoryVersion() {
        return directoryVersions.current();
    }
}
