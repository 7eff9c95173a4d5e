package org.district.socialmedia.students.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.district.socialmedia.platform.boundary.Messages;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.students.control.ImportReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** A system administrator uploads the student information system's OneRoster 1.1 export (a zip) and reads the report. */
@Named
@ViewScoped
public class RosterImportPage implements Serializable {

    @Inject
    RosterImport importer;

    private transient Part file;
    private transient ImportReport report;

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.fieldErrors("roster", new InvalidInputException("file", "Choose the OneRoster zip to import"));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            report = importer.importZip(in);
            Messages.info("Imported: " + report.summary());
        } catch (InvalidInputException e) {
            report = null;
            Messages.fieldErrors("roster", e);
        } catch (IOException e) {
            Messages.error("The file could not be read: " + e.getMessage());
        }
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public ImportReport getReport() { return report; }
}
