package io.barometer.web.admin;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An admin's tools: importing an answer log (DESIGN §7) with its progress shown while it runs and the bad line
 * named, and rebuilding the projections with their progress shown until they have caught up.
 */
@Controller
public class AdminToolsController {

    private static final String ADMINS_ONLY = "imports and replays are for admins";

    private final Services services;
    private final Pages pages;
    private final ImportJobs imports;

    public AdminToolsController(Services services, Pages pages, ImportJobs imports) {
        this.services = services;
        this.pages = pages;
        this.imports = imports;
    }

    @GetMapping("/admin/import")
    public String importForm(HttpServletRequest request, Model model) {
        SignedIn.requireAdmin(ADMINS_ONLY);
        return importPage(request, model, null, null);
    }

    /** Hands the log to a background sender and shows its progress page, which a reload or htmx refreshes. */
    @PostMapping("/admin/import")
    public String importLog(@RequestParam(name = "log", required = false) MultipartFile log, HttpServletRequest request,
                            Model model) throws IOException {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        if (log == null || log.isEmpty()) {
            return importPage(request, model, null, "import.noFile");
        }
        ImportJob job = imports.start(me.caller(), me.personId(), log);
        return "redirect:/admin/import/" + job.id();
    }

    @GetMapping("/admin/import/{id}")
    public String importProgress(@PathVariable String id, @RequestParam(defaultValue = "false") boolean fragment,
                                 HttpServletRequest request, Model model) {
        SignedIn.requireAdmin(ADMINS_ONLY);
        ImportJob job = imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no import " + id + " here (ended over an hour ago, or run by another instance)"));
        if (fragment) {
            model.addAttribute("page", pages.of(request, "import.title"));
            model.addAttribute("job", job);
            return "admin/import-status";
        }
        return importPage(request, model, job, null);
    }

    private String importPage(HttpServletRequest request, Model model, ImportJob job, String error) {
        model.addAttribute("page", pages.of(request, "import.title"));
        model.addAttribute("job", job);
        model.addAttribute("error", error);
        return "admin/import";
    }

    @GetMapping("/admin/replay")
    public String replayStatus(@RequestParam(defaultValue = "false") boolean fragment, HttpServletRequest request,
                               Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        model.addAttribute("page", pages.of(request, "replay.title"));
        model.addAttribute("status", services.projections(me.caller()));
        return fragment ? "admin/replay-status" : "admin/replay";
    }

    @PostMapping("/admin/replay")
    public String replay() {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        services.replay(me.caller());
        return "redirect:/admin/replay";
    }
}
