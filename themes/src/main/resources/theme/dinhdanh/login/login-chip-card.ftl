<#--
  Chip-card login, cross-device (DESIGN.md section 5). Skeleton for the chip-card authenticator, which renders it with
  LoginFormsProvider.setAttribute(...).createForm("login-chip-card.ftl") and these attributes:
    qrSvg      inline SVG of the QR code (a string of markup made by the server, never by the user)
    shortCode  the short code the citizen can type into the mobile app instead of scanning
    expiresAt  expiry of the pending request, epoch seconds
    appLink    the same-device link (dinhdanh://chip-card?request=...&return=...) that opens the app on this phone
    onlyTheCardReachesThisLevel  true at high: "Log in another way" is not offered, since no other way reaches it
    statusUrl  URL answering JSON {"status": "pending" | "verified" | "failed" | "expired" | "gone", "error": "<code>"}
  While the request is pending, a failed attempt of the phone ("error" set) is shown and announced, and the citizen
  can try again with the phone. Once the status is no longer "pending", the page posts #dd-chip-continue to
  url.loginAction and the authenticator decides: success, or an error page whose message key is chipCardError.<code>.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout bodyClass="dd-body--wide"; section>
    <#if section = "header">
        ${msg("chipCardTitle")}
    <#elseif section = "form">
        <div class="dd-chip">
        <#if appLink??>
        <div class="dd-same-device" id="dd-same-device">
            <a class="pf-v5-c-button pf-m-primary pf-m-block" id="dd-open-app" href="${appLink}"
               aria-describedby="dd-open-app-hint">${msg("chipCardOpenApp")}</a>
            <p class="dd-hint" id="dd-open-app-hint">${msg("chipCardOpenAppHint")}</p>
            <p class="dd-separator"><span>${msg("chipCardOrOtherPhone")}</span></p>
        </div>
        </#if>
        <div class="dd-chip__text">
        <p class="dd-intro" id="dd-chip-intro">${msg("chipCardIntro")}</p>
        <ol class="dd-steps">
            <li>${msg("chipCardStep1")}</li>
            <li>${msg("chipCardStep2")}</li>
            <li>${msg("chipCardStep3")}</li>
        </ol>
        </div>
        <figure class="dd-qr">
            <div class="dd-qr__image" role="img" aria-label="${msg("chipCardQrAlt")}">${(qrSvg!'')?no_esc}</div>
            <figcaption class="dd-qr__caption">
                ${msg("chipCardShortCodeLabel")}
                <strong class="dd-shortcode" id="dd-short-code" aria-describedby="dd-short-code-hint">${shortCode!''}</strong>
                <span class="dd-small" id="dd-short-code-hint">${msg("chipCardShortCodeHint")}</span>
            </figcaption>
        </figure>
        <div class="dd-chip__live">
        <p class="dd-countdown" id="dd-countdown" data-expires-at="${(expiresAt!0)?c}">
            ${msg("chipCardExpiresIn")} <span class="dd-countdown__time" id="dd-countdown-time"></span>
        </p>
        <div class="dd-chip-status" id="dd-chip-status" role="status" aria-live="polite"
             data-status-url="${statusUrl!''}"
             data-msg-pending="${msg("chipCardStatusPending")}"
             data-msg-verifying="${msg("chipCardStatusVerifying")}"
             data-msg-done="${msg("chipCardStatusDone")}"
             data-msg-expiring="${msg("chipCardStatusExpiringSoon")}"
             data-msg-expired="${msg("chipCardError.request_expired")}"
             data-msg-offline="${msg("chipCardStatusOffline")}"
             data-msg-attempt-failed="${msg("chipCardStatusAttemptFailed")}">${msg("chipCardStatusPending")}</div>
        <div hidden id="dd-chip-errors">
            <#list ["request_expired", "request_used", "request_not_found", "request_binding_mismatch", "invalid_evidence",
                    "challenge_replayed", "too_many_attempts", "pin_mismatch", "passive_authentication_failed",
                    "active_authentication_failed", "citizen_deceased", "citizen_not_in_registry", "card_not_in_registry",
                    "card_revoked", "card_reported_lost", "card_replaced", "card_expired", "registry_unavailable"] as code>
                <p data-code="${code}">${msg("chipCardError." + code)}</p>
            </#list>
        </div>
        <form id="dd-chip-continue" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="chipCardContinue" value="true">
            <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" type="submit" id="dd-chip-continue-button">${msg("chipCardContinue")}</button>
        </form>
        <form id="dd-chip-cancel" action="${url.loginAction}" method="post">
            <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" name="cancel" value="on" type="submit">${msg("chipCardCancel")}</button>
        </form>
        <noscript><p class="dd-small">${msg("chipCardNoScript")}</p></noscript>
        </div>
        </div>
        <script src="${url.resourcesPath}/js/chip-card.js" defer></script>
    </#if>
</@layout.registrationLayout>
