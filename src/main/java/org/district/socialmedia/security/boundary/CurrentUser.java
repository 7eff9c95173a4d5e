package org.district.socialmedia.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.district.socialmedia.people.boundary.StaffDirectory;
import org.district.socialmedia.platform.entity.Role;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

/** Who is signed in, for pages: name, roles, and role checks for the navigation. */
@Named
@RequestScoped
public class CurrentUser {

    // the servlet request, not SecurityContext: WildFly gives anonymous callers an "anonymous" principal
    @Inject
    HttpServletRequest request;
    @Inject
    StaffDirectory directory;

    private String fullName;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    public String getUsername() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public String getFullName() {
        if (fullName == null && isSignedIn()) {
            fullName = directory.fullNameOf(getUsername()).orElse(getUsername());
        }
        return fullName;
    }

    public boolean hasRole(String role) {
        return request.isUserInRole(role);
    }

    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(r -> request.isUserInRole(r.name())).toList();
    }

    public String getRoleLabels() {
        return String.join(", ", getRoles().stream().map(Role::label).toList());
    }
}
