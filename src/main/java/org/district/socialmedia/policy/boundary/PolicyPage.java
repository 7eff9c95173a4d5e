package org.district.socialmedia.policy.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.platform.entity.NotFoundException;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;

import java.io.Serializable;
import java.util.List;

/** The policy page: the board policy in force (or the version asked for), the guidelines, every version. */
@Named
@ViewScoped
public class PolicyPage implements Serializable {

    @Inject
    PolicyLibrary library;

    private Long version;
    private PolicyLibrary.VersionView shown;
    private PolicyLibrary.VersionView guidelines;
    private List<PolicyLibrary.VersionView> boardVersions;
    private List<PolicyLibrary.VersionView> guidelineVersions;

    public void load() {
        boardVersions = library.list(PolicyDocument.BOARD_POLICY);
        guidelineVersions = library.list(PolicyDocument.SUPERINTENDENT_GUIDELINES);
        shown = null;
        if (version != null) {
            try {
                shown = library.get(version);
            } catch (NotFoundException e) {
                shown = null;
            }
        }
        if (shown == null) {
            shown = boardVersions.stream().filter(PolicyLibrary.VersionView::inForce).findFirst().orElse(null);
        }
        guidelines = shown != null && shown.document().equals(PolicyDocument.SUPERINTENDENT_GUIDELINES.name()) ? null
                : guidelineVersions.stream().filter(PolicyLibrary.VersionView::inForce).findFirst().orElse(null);
    }

    public List<PolicyVersion.Block> blocks(PolicyLibrary.VersionView v) {
        if (v == null) {
            return List.of();
        }
        List<PolicyVersion.Block> blocks = PolicyVersion.blocks(v.text());
        // the title is the page's heading already
        return !blocks.isEmpty() && blocks.get(0).text().equals(v.documentTitle()) ? blocks.subList(1, blocks.size()) : blocks;
    }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public PolicyLibrary.VersionView getShown() { return shown; }
    public PolicyLibrary.VersionView getGuidelines() { return guidelines; }
    public List<PolicyLibrary.VersionView> getBoardVersions() { return boardVersions; }
    public List<PolicyLibrary.VersionView> getGuidelineVersions() { return guidelineVersions; }
}
