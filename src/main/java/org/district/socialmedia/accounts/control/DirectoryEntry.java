package org.district.socialmedia.accounts.control;

import java.io.Serializable;

/** One line of the public directory. The JSON names are a contract: platform, handle, url, unit. */
public record DirectoryEntry(String platform, String handle, String url, String unit) implements Serializable {
}
