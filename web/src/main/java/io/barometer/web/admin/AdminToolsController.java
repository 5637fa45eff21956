package io.barometer.web.admin;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.ImportRefused;
import io.barometer.web.api.Services;
import io.barometer.web.page.Forbidden;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An admin's tools: importing an answer log (DESIGN §7) with the bad line named, and rebuilding the
 * projections with their progress shown until they have caught up.
 */
@Controller
public class AdminToolsController {

    private final Services services;
    private final Pages pages;

    public AdminToolsController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/admin/import")
    public String importForm(HttpServletRequest request, Model model) {
        admin();
        return importPage(request, model, null, null, null, null);
    }

    @PostMapping("/admin/import")
    public String importLog(@RequestParam(name = "log", required = false) MultipartFile log, HttpServletRequest request,
                            Model model) throws IOException {
        SignedIn me = admin();
        if (log == null || log.isEmpty()) {
            return importPage(request, model, null, "import.noFile", null, null);
        }
        try (InputStream in = log.getInputStream()) {
            JsonNode result = services.importLog(me.caller(), in);
            return importPage(request, model, result, null, null, log.getOriginalFilename());
        } catch (ImportRefused refused) {
            return importPage(request, model, null, null, refused, log.getOriginalFilename());
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            return importPage(request, model, null, null, new ImportRefused(p, 0), log.getOriginalFilename());
        }
    }

    private String importPage(HttpServletRequest request, Model model, JsonNode result, String error,
                              ImportRefused refused, String file) {
        model.addAttribute("page", pages.of(request, "import.title"));
        model.addAttribute("result", result);
        model.addAttribute("error", error);
        model.addAttribute("refused", refused);
        model.addAttribute("file", file);
        return "admin/import";
    }

    @GetMapping("/admin/replay")
    public String replayStatus(@RequestParam(defaultValue = "false") boolean fragment, HttpServletRequest request,
                               Model model) {
        SignedIn me = admin();
        model.addAttribute("page", pages.of(request, "replay.title"));
        model.addAttribute("status", services.projections(me.caller()));
        return fragment ? "admin/replay-status" : "admin/replay";
    }

    @PostMapping("/admin/replay")
    public String replay() {
        SignedIn me = admin();
        services.replay(me.caller());
        return "redirect:/admin/replay";
    }

    private static SignedIn admin() {
        SignedIn me = SignedIn.current();
        if (me == null || !me.admin()) {
            throw new Forbidden("imports and replays are for admins");
        }
        return me;
    }
}
