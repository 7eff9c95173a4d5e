package org.district.socialmedia.platform.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Streams a CSV file as the answer to a (non-ajax) Faces postback. */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static void send(String fileName, Function<Writer, Integer> writer) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.setResponseHeader("Cache-Control", "private, no-store");
        Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
        // a byte-order mark lets spreadsheet programs read the names' accents right
        out.write('\ufeff');
        writer.apply(out);
        out.flush();
        faces.responseComplete();
    }
}
