package org.district.socialmedia.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real WAR that Maven built (target/ROOT.war), never a hand-listed archive. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive realWar() {
        File war = new File(System.getProperty("it.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The real WAR plus test-only helper classes, for in-container tests. */
    public static WebArchive realWarWith(Class<?>... testClasses) {
        return realWar().addClasses(testClasses);
    }
}
