package org.district.socialmedia.students.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterMentionsTest {

    @Test
    void theDemoRosterMentionsItsRowsAndWhatTheyPointAt() throws Exception {
        Path demo = Path.of(RosterMentionsTest.class.getResource("/demo/oneroster/manifest.csv").toURI()).getParent();
        RosterMentions mentions = RosterMentions.of(OneRosterParser.parseFolder(demo));
        assertEquals(40, mentions.districtIds().size());
        assertTrue(mentions.students().contains("stu-040"), "the student without a guardian");
        assertTrue(mentions.guardians().containsAll(Set.of("par-001", "grd-001", "rel-001")));
        assertEquals(Set.of("cls-lhs-photo", "cls-lhs-bio", "cls-wes-4a", "cls-wes-5b"), mentions.classes());
        assertEquals(51, mentions.enrollments().size());
    }

    @Test
    void idsOnlyPointedAtAreMentionedToo() {
        String users = "sourcedId,orgSourcedIds,role,givenName,familyName,identifier,agentSourcedIds\r\n"
                + "p1,org-lhs,parent,Kim,Lee,,\"s-stored,p-stored\"\r\n"
                + "s9,,student,,,,\r\n";                                            // refused: no identifier
        String enrollments = "sourcedId,status,classSourcedId,userSourcedId,role\r\n"
                + "e1,,c-stored,s-elsewhere,student\r\n"
                + "e2,tobedeleted,,,student\r\n";
        ParsedRoster parsed = OneRosterParser.parse(Map.of(
                "users.csv", users.getBytes(StandardCharsets.UTF_8),
                "enrollments.csv", enrollments.getBytes(StandardCharsets.UTF_8)));
        RosterMentions mentions = RosterMentions.of(parsed);
        assertEquals(Set.of("s-stored", "p-stored", "s-elsewhere"), mentions.students());
        assertEquals(Set.of("p1", "s-stored", "p-stored"), mentions.guardians());
        assertEquals(Set.of("c-stored"), mentions.classes());
        assertEquals(Set.of("e1", "e2"), mentions.enrollments());
        assertEquals(Set.of(), mentions.districtIds());
    }
}
