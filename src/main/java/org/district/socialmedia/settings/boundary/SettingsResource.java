package org.district.socialmedia.settings.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.settings.entity.SettingKey;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET/PUT /api/settings: the District settings for scripts (system administrators). The JSON keys
 * are the field names: districtName, emailDomains, timeZone, reviewPeriod, reviewDays, publicBaseUrl.
 * PUT changes only the keys it is given.
 */
@Tag(name = "Settings")
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    DistrictSettingsService service;

    @GET
    @Operation(summary = "District settings in force (SYSTEM_ADMIN)")
    public Map<String, Object> get() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (DistrictSettingsService.SettingView view : service.view()) {
            body.put(view.key().fieldName(), view.value());
        }
        return body;
    }

    @PUT
    @Operation(summary = "Change some District settings (SYSTEM_ADMIN, audited)")
    public Map<String, Object> put(Map<String, String> changes) {
        if (changes == null) {
            throw new InvalidInputException("body", "Send a JSON object of settings to change");
        }
        Map<SettingKey, String> typed = new EnumMap<>(SettingKey.class);
        Map<String, String> unknown = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            SettingKey key = null;
            for (SettingKey k : SettingKey.values()) {
                if (k.fieldName().equals(field)) {
                    key = k;
                }
            }
            if (key == null) {
                unknown.put(field, "Unknown setting");
            } else {
                typed.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        service.update(typed);
        return get();
    }
}
