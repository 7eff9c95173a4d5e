package org.district.socialmedia.policy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The board policy as adopted, shown to staff; its version is what acknowledgements record. */
@Named
@ApplicationScoped
public class PolicyText {

    public static final String VERSION = "Adopted May 11, 2023";
    static final String RESOURCE = "/policy/employee-and-district-social-media-use.txt";

    /** Paragraphs; a short line without a final period is a heading. */
    public record Block(String text, boolean heading) {
    }

    private final List<Block> blocks = load();

    private static List<Block> load() {
        try (InputStream in = PolicyText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Policy text missing: " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Block> result = new ArrayList<>();
            Arrays.stream(text.split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> result.add(new Block(line, isHeading(line))));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHeading(String line) {
        return line.length() < 70 && !line.endsWith(".") && !line.endsWith(";") && !line.endsWith(":")
                && !line.startsWith("-") && !Character.isDigit(line.charAt(0)) && !line.startsWith("(");
    }

    public List<Block> getBlocks() {
        return blocks;
    }

    public String getVersion() {
        return VERSION;
    }
}
