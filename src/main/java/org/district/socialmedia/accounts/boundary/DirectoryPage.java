package org.district.socialmedia.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The public directory of official District accounts, grouped by school or department. No login. */
@Named
@ViewScoped
public class DirectoryPage implements Serializable {

    @Inject
    AccountService service;

    private Map<String, List<AccountService.DirectoryEntry>> byUnit;

    @PostConstruct
    void load() {
        byUnit = service.directory().stream().collect(Collectors.groupingBy(AccountService.DirectoryEntry::unit,
                LinkedHashMap::new, Collectors.toList()));
    }

    public List<Map.Entry<String, List<AccountService.DirectoryEntry>>> getUnits() {
        return List.copyOf(byUnit.entrySet());
    }

    public boolean isNoAccounts() {
        return byUnit.isEmpty();
    }
}
