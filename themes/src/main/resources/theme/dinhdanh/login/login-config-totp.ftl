<#-- Setting up an authenticator app: the same steps as Keycloak's page, with every field tied to its label. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "password-commons.ftl" as passwordCommons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp','userLabel'); section>
    <#if section = "header">
        ${msg("loginTotpTitle")}
    <#elseif section = "form">
        <ol id="kc-totp-settings" class="dd-steps">
            <li>
                <p>${msg("loginTotpStep1")}</p>
                <ul id="kc-totp-supported-apps">
                    <#list totp.supportedApplications as app><li>${msg(app)}</li></#list>
                </ul>
            </li>
            <#if mode?? && mode = "manual">
                <li>
                    <p>${msg("loginTotpManualStep2")}</p>
                    <p><span id="kc-totp-secret-key" class="dd-totp-key">${totp.totpSecretEncoded}</span></p>
                    <p><a href="${totp.qrUrl}" id="mode-barcode">${msg("loginTotpScanBarcode")}</a></p>
                </li>
                <li>
                    <p>${msg("loginTotpManualStep3")}</p>
                    <ul>
                        <li id="kc-totp-type">${msg("loginTotpType")}: ${msg("loginTotp." + totp.policy.type)}</li>
                        <li id="kc-totp-algorithm">${msg("loginTotpAlgorithm")}: ${totp.policy.getAlgorithmKey()}</li>
                        <li id="kc-totp-digits">${msg("loginTotpDigits")}: ${totp.policy.digits}</li>
                        <#if totp.policy.type = "totp">
                            <li id="kc-totp-period">${msg("loginTotpInterval")}: ${totp.policy.period}</li>
                        <#else>
                            <li id="kc-totp-counter">${msg("loginTotpCounter")}: ${totp.policy.initialCounter}</li>
                        </#if>
                    </ul>
                </li>
            <#else>
                <li>
                    <p>${msg("loginTotpStep2")}</p>
                    <img id="kc-totp-secret-qr-code" class="dd-totp-qr" src="data:image/png;base64, ${totp.totpSecretQrCode}" alt="${msg("loginTotpQrAlt")}">
                    <p><a href="${totp.manualUrl}" id="mode-manual">${msg("loginTotpUnableToScan")}</a></p>
                </li>
            </#if>
            <li>
                <p>${msg("loginTotpStep3")}</p>
                <p>${msg("loginTotpStep3DeviceName")}</p>
            </li>
        </ol>
        <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="kc-totp-settings-form" method="post" novalidate="novalidate">
            <#assign totpError = messagesPerField.get('totp')>
            <@field.group name="totp" label=msg("authenticatorCode") error=totpError required=true>
                <span class="${properties.kcInputClass} <#if totpError?has_content>${properties.kcError}</#if>">
                    <input id="totp" name="totp" type="text" inputmode="numeric" autocomplete="one-time-code" data-digits-only
                           <#if totpError?has_content>aria-invalid="true" aria-describedby="input-error-totp"</#if>>
                </span>
            </@field.group>
            <input type="hidden" id="totpSecret" name="totpSecret" value="${totp.totpSecret}">
            <#if mode??><input type="hidden" id="mode" name="mode" value="${mode}"></#if>
            <#assign labelError = messagesPerField.get('userLabel')>
            <@field.group name="userLabel" label=msg("loginTotpDeviceName") error=labelError required=(totp.otpCredentials?size gte 1)>
                <span class="${properties.kcInputClass} <#if labelError?has_content>${properties.kcError}</#if>">
                    <input id="userLabel" name="userLabel" type="text" autocomplete="off"
                           <#if labelError?has_content>aria-invalid="true" aria-describedby="input-error-userLabel"</#if>>
                </span>
            </@field.group>
            <@passwordCommons.logoutOtherSessions/>
            <div class="${properties.kcFormGroupClass}">
                <button class="pf-v5-c-button pf-m-primary pf-m-block dd-button" type="submit" id="saveTOTPBtn">${msg("doSubmit")}</button>
                <#if isAppInitiatedAction??>
                    <button class="pf-v5-c-button pf-m-secondary pf-m-block dd-button" type="submit" id="cancelTOTPBtn" name="cancel-aia" value="true">${msg("doCancel")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
