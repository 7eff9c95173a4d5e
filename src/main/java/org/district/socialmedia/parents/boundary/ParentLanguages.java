package org.district.socialmedia.parents.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.district.socialmedia.parents.entity.ParentTexts;

import java.util.List;

/** The languages the parents' pages offer, each named in itself ("Español"). */
@Named
@ApplicationScoped
public class ParentLanguages {

    public List<ParentTexts> getAll() {
        return ParentTexts.supported().stream().map(ParentTexts::of).toList();
    }
}
