package org.district.socialmedia.requests.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.stream.Stream;

/**
 * The employee's home page: what waits for them. First the reviewer's questions (the review clock
 * stands still until they answer), then drafts not yet sent.
 */
@Named
@RequestScoped
public class WaitingForYou {

    /** One thing to do: what it is, and where to do it (a path in the portal). */
    public record Item(Long requestId, String text, String action, String path) {
    }

    @Inject
    RequestService requests;

    private List<Item> items;

    public List<Item> getItems() {
        if (items == null) {
            List<RequestService.Summary> mine = requests.mine();
            List<Item> questions = mine.stream().filter(r -> "INFO_REQUESTED".equals(r.status()))
                    .map(r -> new Item(r.id(), "Request " + r.id() + " (" + r.platforms() + "): the reviewer asks for more "
                            + "information. The review clock is stopped until you answer.", "Answer the reviewer on request " + r.id(),
                            "/requests/edit.xhtml?id=" + r.id()))
                    .toList();
            List<Item> drafts = mine.stream().filter(r -> "DRAFT".equals(r.status()))
                    .map(r -> new Item(r.id(), "Draft " + r.id() + (r.platforms().isEmpty() ? "" : " (" + r.platforms() + ")")
                            + ": not sent to the Superintendent yet.", "Continue draft " + r.id(), "/requests/edit.xhtml?id=" + r.id()))
                    .toList();
            items = Stream.concat(questions.stream(), drafts.stream()).toList();
        }
        return items;
    }
}
