package org.district.socialmedia.accounts.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.accounts.control.DirectoryEntry;
import org.district.socialmedia.accounts.control.DirectoryUnits;
import org.district.socialmedia.accounts.control.PageWindow;
import org.district.socialmedia.people.entity.OrgUnit;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The public directory of official District accounts. No login. At district scale it holds 100,000
 * accounts in 1,000 schools and departments, so the first view lists the schools and departments
 * (with how many accounts each has, searchable by name) and one school's accounts are a page of the
 * database at a time. Everything is in the address (?q=, ?unit=, ?page=): a view can be bookmarked,
 * shared and reached with the keyboard and no script; the bean keeps only the page shown.
 */
@Named
@ViewScoped
public class DirectoryPage implements Serializable {

    public static final int UNITS_PER_PAGE = 50;
    public static final int ACCOUNTS_PER_PAGE = 50;
    /** The search box's limit: a name is the longest thing worth typing. */
    public static final int FIND_MAX = OrgUnit.NAME_MAX;

    @Inject

    AccountDirectory directory;

    // from the address
    private String find;
    private String unitCode;
    private String page;

    private boolean noAccounts;
    private int unitsListed;
    private long accountsListed;
    private boolean unknownUnit;
    private DirectoryUnits.Unit unit;
    private List<DirectoryUnits.Unit> units = List.of();
    private List<DirectoryEntry> entries = List.of();
    private PageWindow window;

    /** After the view parameters are set (f:viewAction). */
    public void load() {
        List<DirectoryUnits.Unit> all = directory.directoryUnits();
        noAccounts = all.isEmpty();
        unitsListed = all.size();
        accountsListed = all.stream().mapToLong(DirectoryUnits.Unit::accounts).sum();
        if (unitCode != null && !unitCode.isBlank()) {
            String code = unitCode.strip();
            // as typed first; then regardless of capitals, for an address typed by hand
            unit = all.stream().filter(u -> u.code().equals(code)).findFirst()
                    .or(() -> all.stream().filter(u -> u.code().equalsIgnoreCase(code)).findFirst()).orElse(null);
            unknownUnit = unit == null;
        }
        if (unit != null) {
            window = PageWindow.of(unit.accounts(), ACCOUNTS_PER_PAGE, page);
            entries = directory.directoryOf(unit.id(), window.first(), window.size());
        } else {
            List<DirectoryUnits.Unit> matching = DirectoryUnits.matching(all, find);
            window = PageWindow.of(matching.size(), UNITS_PER_PAGE, page);
            units = List.copyOf(matching.subList(window.first(), (int) window.lastShown()));
        }
    }

    /** The address of another page of what is shown. */
    public String pageLink(int number) {
        StringBuilder query = new StringBuilder();
        if (unit != null) {
            query.append("unit=").append(encode(unit.code()));
        } else if (isSearching()) {
            query.append("q=").append(encode(find.strip()));
        }
        if (number > 1) {
            query.append(query.isEmpty() ? "" : "&").append("page=").append(number);
        }
        return "directory.xhtml" + (query.isEmpty() ? "" : "?" + query);
    }

    public String unitLink(DirectoryUnits.Unit u) {
        return "directory.xhtml?unit=" + encode(u.code());
    }

    /** The data behind what is shown, for scripts: one school's part, or the whole directory. */
    public String jsonLink() {
        return "api/directory" + (unit == null ? "" : "?unit=" + encode(unit.code()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** "100,000 official accounts of 1,000 schools and departments." */
    public String getSummary() {
        return count(accountsListed, "official account", "official accounts") + " of "
                + count(unitsListed, "school or department", "schools and departments") + ".";
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.US, "%,d %s", n, n == 1 ? one : many);
    }

    /** The units table's caption: what it lists, and which rows of how many. */
    public String getUnitsCaption() {
        String what = isSearching() ? "Schools and departments matching “" + find.strip() + "”" : "Schools and departments";
        return what + ", " + rows();
    }

    public String getAccountsCaption() {
        return "Official accounts of " + unit.name() + ", " + rows();
    }

    private String rows() {
        return window.total() == 1 ? "1 of 1"
                : String.format(Locale.US, "%,d to %,d of %,d", window.first() + 1, window.lastShown(), window.total());
    }

    public boolean isSearching() {
        return find != null && !find.isBlank();
    }

    public String getFind() { return find; }
    public void setFind(String find) { this.find = find; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }

    public boolean isNoAccounts() { return noAccounts; }
    public int getUnitsListed() { return unitsListed; }
    public long getAccountsListed() { return accountsListed; }
    public boolean isUnknownUnit() { return unknownUnit; }
    public DirectoryUnits.Unit getUnit() { return unit; }
    public List<DirectoryUnits.Unit> getUnits() { return units; }
    public List<DirectoryEntry> getEntries() { return entries; }
    public PageWindow getWindow() { return window; }
    public int getFindMax() { return FIND_MAX; }
}
