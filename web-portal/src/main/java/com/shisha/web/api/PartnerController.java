package com.shisha.web.api;

import com.shisha.core.NamesInHindi;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.companion.PartnerAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;

/** The partner's own profile; the same row WhatsApp's onboarding fills in. */
@RestController
@RequestMapping(path = "/api/v1/partners", produces = "application/json")
@Tag(name = "partners")
class PartnerController {

    private final Me me;
    private final PartnerAccounts accounts;

    private final NamesInHindi names;

    PartnerController(Me me, PartnerAccounts accounts, NamesInHindi names) {
        this.names = names;
        this.me = me;
        this.accounts = accounts;
    }

    /** Letters (any script), spaces, dots, apostrophes and hyphens: names and cities as partners type them. */
    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$";

    record ProfilePatch(@Size(min = 1, max = 60) @Pattern(regexp = NAME, message = "must be letters, spaces, . ' or -") String name,
                        @Size(min = 2, max = 60) @Pattern(regexp = NAME, message = "must be letters, spaces, . ' or -") String city,
                        @Pattern(regexp = "en|hi", message = "must be en or hi") String language,
                        @Size(min = 1, max = 5, message = "must list 1 to 5 products") List<Product> products) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in partner's profile")
    Views.PartnerView get(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId) {
        return Views.PartnerView.of(me.account(partnerId), names);
    }

    /** Ids are for completeness of the resource model: anyone else's id is refused, never shown. */
    @GetMapping("/{id}")
    @Operation(summary = "A partner's profile by id: only your own (403 for anyone else's)")
    Views.PartnerView byId(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long id) {
        if (id != partnerId) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "a partner can read only their own profile");
        }
        return get(partnerId);
    }

    @PatchMapping(path = "/me", consumes = "application/json")
    @Operation(summary = "Change name, city, language or products; a complete profile counts as onboarded")
    Views.PartnerView patch(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @Valid @RequestBody ProfilePatch body) {
        if (body.name() == null && body.city() == null && body.language() == null && body.products() == null) {
            throw ApiException.badRequest("nothing to change: send at least one of name, city, language, products");
        }
        if (body.products() != null && (body.products().contains(null) || new LinkedHashSet<>(body.products()).size() != body.products().size())) {
            throw ApiException.badRequest("products must not repeat or contain null");
        }
        me.account(partnerId);
        return Views.PartnerView.of(accounts.update(partnerId, new PartnerAccounts.ProfileChange(trim(body.name()), trim(body.city()),
                body.language() == null ? null : Language.fromCode(body.language()), body.products())), names);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim().replaceAll("\\s+", " ");
    }
}
