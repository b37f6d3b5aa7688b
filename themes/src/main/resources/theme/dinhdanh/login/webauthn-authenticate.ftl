<#--
  Security key or passkey at login (Keycloak's WebAuthn authenticator, offered at substantial to level-2 accounts).
  The hidden form is what Keycloak's webauthnAuthenticate.js fills and posts; the page itself is ours, so that it
  reflows at 320 px and reads well by screen reader.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("citizenSecurityKeyTitle")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-key-intro">${msg("citizenSecurityKeyIntro")}</p>
        <form id="webauth" action="${url.loginAction}" method="post" hidden="hidden">
            <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
            <input type="hidden" id="authenticatorData" name="authenticatorData"/>
            <input type="hidden" id="signature" name="signature"/>
            <input type="hidden" id="credentialId" name="credentialId"/>
            <input type="hidden" id="userHandle" name="userHandle"/>
            <input type="hidden" id="error" name="error"/>
        </form>
        <#if authenticators??>
            <form id="authn_select" hidden="hidden">
                <#list authenticators.authenticators as authenticator>
                    <input type="hidden" name="authn_use_chk" value="${authenticator.credentialId}"/>
                </#list>
            </form>
            <#if authenticators.authenticators?size gt 1>
                <p class="dd-small">${msg("citizenSecurityKeyRegistered")}</p>
                <ul class="dd-key-list">
                    <#list authenticators.authenticators as authenticator>
                        <li>${kcSanitize(msg('${authenticator.label}'))?no_esc}</li>
                    </#list>
                </ul>
            </#if>
        </#if>
        <div class="${properties.kcFormGroupClass}">
            <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" type="button" id="authenticateWebAuthnButton"
                    aria-describedby="dd-key-intro" autofocus>${msg("citizenSecurityKeyUse")}</button>
        </div>
        <script type="module">
            <#outputformat "JavaScript">
            import { authenticateByWebAuthn } from "${url.resourcesPath}/js/webauthnAuthenticate.js";
            document.getElementById('authenticateWebAuthnButton').addEventListener("click", function() {
                authenticateByWebAuthn({
                    isUserIdentified : ${isUserIdentified},
                    challenge : ${challenge?c},
                    userVerification : ${userVerification?c},
                    rpId : ${rpId?c},
                    createTimeout : ${createTimeout?c},
                    errmsg : ${msg("webauthn-unsupported-browser-text")?c}
                });
            }, { once: true });
            </#outputformat>
        </script>
    </#if>
</@layout.registrationLayout>
