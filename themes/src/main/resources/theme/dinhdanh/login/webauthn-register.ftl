<#--
  Registering a security key or passkey (Keycloak's webauthn-register required action). The hidden form is what
  Keycloak's webauthnRegister.js fills and posts; it asks for a name for the key in a prompt.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("citizenSecurityKeyRegisterTitle")}
    <#elseif section = "form">
        <p class="dd-intro" id="dd-key-register-intro">${msg("citizenSecurityKeyRegisterIntro")}</p>
        <form id="register" action="${url.loginAction}" method="post">
            <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
            <input type="hidden" id="attestationObject" name="attestationObject"/>
            <input type="hidden" id="publicKeyCredentialId" name="publicKeyCredentialId"/>
            <input type="hidden" id="authenticatorLabel" name="authenticatorLabel"/>
            <input type="hidden" id="transports" name="transports"/>
            <input type="hidden" id="authenticatorAttachment" name="authenticatorAttachment"/>
            <input type="hidden" id="error" name="error"/>
        </form>
        <div class="${properties.kcFormGroupClass}">
            <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" type="button" id="registerWebAuthn"
                    aria-describedby="dd-key-register-intro">${msg("citizenSecurityKeyRegister")}</button>
        </div>
        <#if !isSetRetry?has_content && isAppInitiatedAction?has_content>
            <form action="${url.loginAction}" id="kc-webauthn-settings-form" method="post">
                <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top" type="submit" id="cancelWebAuthnAIA" name="cancel-aia" value="true">${msg("doCancel")}</button>
            </form>
        </#if>
        <script type="module">
            <#outputformat "JavaScript">
            import { registerByWebAuthn } from "${url.resourcesPath}/js/webauthnRegister.js";
            document.getElementById('registerWebAuthn').addEventListener("click", function() {
                registerByWebAuthn({
                    challenge : ${challenge?c},
                    userid : ${userid?c},
                    username : ${username?c},
                    signatureAlgorithms : [<#list signatureAlgorithms as sigAlg>${sigAlg?c},</#list>],
                    rpEntityName : ${rpEntityName?c},
                    rpId : ${rpId?c},
                    attestationConveyancePreference : ${attestationConveyancePreference?c},
                    authenticatorAttachment : ${authenticatorAttachment?c},
                    requireResidentKey : ${requireResidentKey?c},
                    residentKey : ${residentKey?c},
                    userVerificationRequirement : ${userVerificationRequirement?c},
                    createTimeout : ${createTimeout?c},
                    excludeCredentialIds : ${excludeCredentialIds?c},
                    initLabel : ${msg("webauthn-registration-init-label")?c},
                    initLabelPrompt : ${msg("webauthn-registration-init-label-prompt")?c},
                    errmsg : ${msg("webauthn-unsupported-browser-text")?c}
                });
            }, { once: true });
            </#outputformat>
        </script>
    </#if>
</@layout.registrationLayout>
