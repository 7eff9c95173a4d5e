package org.district.socialmedia.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.district.socialmedia.platform.control.Labels;

import java.util.Collection;

/** {@link Labels} for pages: {@code #{labels.of(request.status)}}, {@code #{labels.list(form.items)}}. */
@Named("labels")
@ApplicationScoped
public class LabelsBean {

    public String of(Enum<?> constant) {
        return Labels.of(constant);
    }

    public String list(Collection<? extends Enum<?>> constants) {
        return Labels.list(constants);
    }
}
