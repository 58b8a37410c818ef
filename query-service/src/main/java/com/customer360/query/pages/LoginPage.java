package com.customer360.query.pages;

import com.customer360.security.OpenToAll;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form of the pages; Spring Security checks what it posts and sends the user back where they were going. */
@Controller
@OpenToAll
class LoginPage {

    @GetMapping("/login")
    String login(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "pages/login";
    }
}
