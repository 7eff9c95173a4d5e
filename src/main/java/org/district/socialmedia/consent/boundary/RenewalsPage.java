package org.district.socialmedia.consent.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The renewal list: students with no consent in force, or one ending within 30 days. */
@Named
@ViewScoped
public class RenewalsPage implements Serializable {

    @Inject
    ConsentService service;

    private List<ConsentService.RenewalRow> rows;

    @PostConstruct
    void load() {
        rows = service.renewals(0, ConsentService.PAGE_MAX);
    }

    public List<ConsentService.RenewalRow> getRows() { return rows; }
}
