package com.customer360.query.pages;

import com.customer360.security.ContactMasking;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for the banner of every page: their name, the sign-out button, and whether contact data is hidden. */
@ControllerAdvice(basePackageClasses = SignedInUser.class)
class SignedInUser {

    @ModelAttribute("signedInAs")
    String signedInAs() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()
                ? null
                : user.getName();
    }

    /** Analysts and administrators run views: the banner links them to the views page. */
    @ModelAttribute("mayRunViews")
    boolean mayRunViews() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null
                && user.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_analyst")
                                || authority.getAuthority().equals("ROLE_admin"));
    }

    @ModelAttribute("contactMasked")
    boolean contactMasked() {
        return ContactMasking.forCurrentUser().masks();
    }
}
