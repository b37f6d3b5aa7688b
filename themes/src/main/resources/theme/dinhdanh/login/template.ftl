<#-- dinhdanh page frame: header with emblem and language switch, one card, footer. No text here: every string is a message key. -->
<#import "field.ftl" as field>
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false showClient=true>
<#assign pageHeader><#nested "header"></#assign>
<#assign hasError = (message?has_content && message.type = 'error') || (messagesPerField?? && messagesPerField.existsError('username','password','password-confirm','full_name','birthdate','phone_number','totp','sms_code'))>
<!DOCTYPE html>
<html lang="${lang}" dir="ltr" class="dd-html">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="referrer" content="no-referrer">
    <title><#if hasError>${msg("pageTitleErrorPrefix")} </#if>${pageHeader?markup_string?replace("<[^>]*>", "", "r")?replace("\\s+", " ", "r")?trim?no_esc} · ${msg("brandName")}</title>
    <link rel="icon" type="image/svg+xml" href="${url.resourcesPath}/img/favicon.svg">
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" defer></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#-- Keycloak's security-key pages (webauthn-register, webauthn-authenticate) import this module by name. -->
    <script type="importmap">
        {
            "imports": {
                "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js"
            }
        }
    </script>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
        </#outputformat>
    </script>
    <#if authenticationSession??>
    <script type="module">
        <#outputformat "JavaScript">
        import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        checkAuthSession(${authenticationSession.authSessionIdHash?c});
        </#outputformat>
    </script>
    </#if>
</head>
<body class="dd-body ${bodyClass}" data-page-id="login-${pageId!''}">
<a class="dd-skip-link" href="#dd-main">${msg("skipToContent")}</a>
<header class="dd-header">
    <div class="dd-header__inner">
        <div class="dd-brand">
            <img class="dd-brand__logo" src="${url.resourcesPath}/img/logo.svg" alt="" width="40" height="40">
            <span class="dd-brand__text">
                <span class="dd-brand__name">${msg("brandName")}</span>
                <span class="dd-brand__tagline">${msg("brandTagline")}</span>
            </span>
        </div>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav class="dd-lang" aria-label="${msg("languageSwitchLabel")}">
            <ul class="dd-lang__list">
            <#list locale.supported?sort_by("languageTag")?reverse as l>
                <#assign tag = l.languageTag>
                <li class="dd-lang__item">
                <#if tag == locale.currentLanguageTag>
                    <a class="dd-lang__link dd-lang__link--current" id="dd-lang-${tag}" href="${l.url}" lang="${tag}" hreflang="${tag}" aria-current="true">${msg("languageName_" + tag)}</a>
                <#else>
                    <a class="dd-lang__link" id="dd-lang-${tag}" href="${l.url}" lang="${tag}" hreflang="${tag}">${msg("languageName_" + tag)}</a>
                </#if>
                </li>
            </#list>
            </ul>
        </nav>
        </#if>
    </div>
</header>
<main id="dd-main" class="dd-main" tabindex="-1">
    <div class="dd-card">
        <#if showClient && client?? && client.name?has_content && !(skipLink??)>
            <p class="dd-card__client">${msg("loggingInTo", advancedMsg(client.name))}</p>
        </#if>
        <h1 class="dd-title" id="kc-page-title">${pageHeader}</h1>

        <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
            <div class="dd-attempted">
                <span class="dd-attempted__label">${msg("personalIdNumber")}</span>
                <span class="dd-attempted__value" id="kc-attempted-username">${auth.attemptedUsername}</span>
                <a class="dd-attempted__restart" id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            </div>
            <#nested "show-username">
        </#if>

        <#if displayRequiredFields>
            <p class="dd-required-note"><span class="dd-required" aria-hidden="true">*</span> ${msg("requiredFields")}</p>
        </#if>

        <#-- App-initiated actions should not see warning messages about the action they are already doing. -->
        <div id="dd-alert" class="dd-alert-region" role="<#if displayMessage && message?has_content && message.type = 'error'>alert<#else>status</#if>">
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="pf-v5-c-alert pf-m-inline pf-m-${(message.type = 'error')?then('danger', message.type)} dd-alert dd-alert--${message.type}">
                <span class="dd-alert__icon" aria-hidden="true"></span>
                <span class="pf-v5-c-alert__title kc-feedback-text">${message.summary}</span>
            </div>
        </#if>
        </div>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink() && !(onlyTheCardReachesThisLevel!false)>
            <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="tryAnotherWay" value="on">
                <button type="submit" id="try-another-way" class="pf-v5-c-button pf-m-secondary pf-m-block dd-space-top">${msg("doTryAnotherWay")}</button>
            </form>
        </#if>

        <#nested "socialProviders">

        <#if displayInfo>
            <div id="kc-info" class="dd-info">
                <div id="kc-info-wrapper">
                    <#nested "info">
                </div>
            </div>
        </#if>
    </div>
</main>
<footer class="dd-footer">
    <p class="dd-footer__text">${msg("footerHelp")}</p>
    <p class="dd-footer__text">${msg("footerPrivacy")}</p>
</footer>
</body>
</html>
</#macro>
