package org.district.socialmedia.demo.control;

import org.district.socialmedia.students.control.OneRosterParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoRosterTest {

    @Test
    void theClasspathFilesReadLikeTheFolder() throws Exception {
        assertEquals(Set.of("manifest.csv", "orgs.csv", "users.csv", "classes.csv", "enrollments.csv"), DemoRoster.files().keySet());
        Path folder = Path.of(DemoRosterTest.class.getResource(DemoRoster.FOLDER + "manifest.csv").toURI()).getParent();
        assertEquals(OneRosterParser.parseFolder(folder), OneRosterParser.parse(DemoRoster.files()));
    }
}
