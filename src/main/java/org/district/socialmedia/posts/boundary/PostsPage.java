package org.district.socialmedia.posts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.boundary.ConsentCheckService;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.consent.entity.ConsentReason;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.control.Labels;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.NotFoundException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Posts about students: the account's operator records a post before publishing it (the consent check
 * runs as part of it and names the students who may not appear), adds its address once it is up, and
 * sees the posts of their accounts.
 */
@Named
@ViewScoped
public class PostsPage implements Serializable {

    @Inject
    PostService service;

    private List<ConsentCheckService.AccountChoice> accounts;
    private List<ConsentCheckService.ClassChoice> classes = List.of();
    private List<PostService.PostView> posts = List.of();
    private Long accountId;
    private LocalDate plannedOn;
    private List<String> items = new ArrayList<>();
    private String classId;
    private String studentIds;
    private PostService.Recording recording;
    private Long urlPostId;
    private String url;

    @PostConstruct
    void load() {
        accounts = service.myAccounts();
        if (accounts.size() == 1) {
            accountId = accounts.get(0).id();
            accountChanged();
        }
        posts = service.posts(null, null, null);
    }

    public void accountChanged() {
        classes = accountId == null ? List.of() : service.classesFor(accountId);
        classId = null;
    }

    public void record() {
        try {
            boolean byClass = classId != null && !classId.isBlank();
            List<String> ids = studentIds == null || studentIds.isBlank() ? null
                    : Arrays.stream(studentIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            recording = service.record(new PostService.PostInput(accountId, plannedOn, items, byClass ? null : ids, byClass ? classId : null));
            if (recording.recorded()) {
                posts = service.posts(null, null, null);
                urlPostId = recording.post().id();
            }
        } catch (InvalidInputException e) {
            recording = null;
            Messages.fieldErrors("record", e);
        }
    }

    public void addUrl() {
        try {
            PostService.PostView post = service.publishedAt(urlPostId, url);
            posts = service.posts(null, null, null);
            url = null;
            Messages.info("The address of post " + post.id() + " is saved.");
        } catch (InvalidInputException e) {
            Messages.fieldErrors("address", e);
        } catch (NotFoundException e) {
            Messages.error("Choose one of your posts.");
        }
    }

    /** The sentence above the answer, read out when it changes. */
    public String getSummary() {
        if (recording == null) {
            return "";
        }
        if (recording.recorded()) {
            return "Recorded as post " + recording.post().id() + ": every student (" + recording.post().studentIds().size()
                    + ") may appear. Add its address once it is published.";
        }
        int refused = recording.refused().size();
        return "Not recorded: " + refused + (refused == 1 ? " student" : " students")
                + " may NOT appear in this post as planned. Leave them out, or change what it shows.";
    }

    public String reasonLabel(String reason) {
        return reason == null ? "" : Labels.of(ConsentReason.class, reason);
    }

    public String name(String studentId) {
        return recording == null ? "" : recording.names().getOrDefault(studentId, "");
    }

    public String itemsLabel(Set<ConsentItem> shown) {
        return shown.stream().map(ConsentItem::label).collect(Collectors.joining(", "));
    }

    /** "2026-12-07, Facebook: @lincoln (3 students)": to pick a post by. */
    public String postLabel(PostService.PostView p) {
        return p.plannedOn() + ", " + p.account() + " (post " + p.id() + ", " + p.studentIds().size()
                + (p.studentIds().size() == 1 ? " student)" : " students)");
    }

    public ConsentItem[] getAllItems() { return ConsentItem.values(); }
    public List<ConsentCheckService.AccountChoice> getAccounts() { return accounts; }
    public List<ConsentCheckService.ClassChoice> getClasses() { return classes; }
    public List<PostService.PostView> getPosts() { return posts; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public void setPlannedOn(LocalDate plannedOn) { this.plannedOn = plannedOn; }
    public List<String> getItems() { return items; }
    public void setItems(List<String> items) { this.items = items; }
    public String getClassId() { return classId; }
    public void setClassId(String classId) { this.classId = classId; }
    public String getStudentIds() { return studentIds; }
    public void setStudentIds(String studentIds) { this.studentIds = studentIds; }
    public PostService.Recording getRecording() { return recording; }
    public Long getUrlPostId() { return urlPostId; }
    public void setUrlPostId(Long urlPostId) { this.urlPostId = urlPostId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
}
