#include "cmdletregistry.h"

namespace scr::ems {

const CmdletSpec *CmdletRegistry::find(const QString &name) const
{
    for (const CmdletSpec &c : m_cmdlets)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

QStringList CmdletRegistry::names() const
{
    QStringList out;
    for (const CmdletSpec &c : m_cmdlets)
        out << c.name;
    return out;
}

QString cmdletSyntax(const CmdletSpec &spec)
{
    QStringList parts{spec.name};
    for (const ParameterSpec &p : spec.parameters) {
        QString part = QLatin1Char('-') + p.name;
        if (p.type != ParameterType::Switch)
            part += p.type == ParameterType::TimeSpan  ? QStringLiteral(" <TimeSpan>")
                    : p.type == ParameterType::Boolean ? QStringLiteral(" <$true|$false>")
                    : p.type == ParameterType::Integer ? QStringLiteral(" <Int>")
                                                       : QStringLiteral(" <String>");
        if (p.position >= 0)
            part = QLatin1Char('[') + part.section(QLatin1Char(' '), 0, 0) + QStringLiteral("] ") +
                   part.section(QLatin1Char(' '), 1);
        parts << (p.mandatory ? part : QLatin1Char('[') + part + QLatin1Char(']'));
    }
    if (spec.confirms)
        parts << QStringLiteral("[-Confirm:$false]");
    parts << QStringLiteral("[-WhatIf]");
    return parts.join(QLatin1Char(' '));
}

void registerAllCmdlets(CmdletRegistry &registry)
{
    registerScrCmdlets(registry);
    registerActivationCmdlets(registry);
    registerFileCmdlets(registry);
}

namespace {

// Text for troff: a leading dot or quote would start a request, a backslash an escape, a hyphen may break.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

} // namespace

QString cmdletsManPage(const CmdletRegistry &registry, const QString &version)
{
    QString page;
    page += QStringLiteral(".TH SCR\\-CMDLETS 7 \"\" \"SCR Console %1\" \"SCR Console\"\n").arg(version);
    page += QStringLiteral(".SH NAME\nscr\\-cmdlets \\- the Exchange Management Shell cmdlets of scr\\-shell "
                           "and SCR Console\n");
    page += QStringLiteral(
        ".SH DESCRIPTION\n"
        "scr\\-shell(1) and the shell pane of scr\\-console(1) run these cmdlets on a lab folder, with "
        "Exchange Management Shell syntax: parameters by name (\\fB\\-Identity MBX1\\eSG1\\fR) or by "
        "position, TimeSpans as d.hh:mm:ss, pipelines into where, Select\\-Object, Sort\\-Object, "
        "Measure\\-Object, Format\\-List (fl) and Format\\-Table (ft). A cmdlet that asks for confirmation "
        "takes \\fB\\-Confirm:$false\\fR in a script; every cmdlet takes \\fB\\-WhatIf\\fR. In the "
        "shell, \\fBGet\\-Help\\fR lists them and \\fBGet\\-Help\\fR \\fINAME\\fR shows one: the same "
        "text as below, from the same source.\n");
    page += QStringLiteral(".SH CMDLETS\n");
    for (const CmdletSpec &spec : registry.all()) {
        page += QStringLiteral(".TP\n.B %1\n%2\n.br\n\\fISyntax:\\fR %3\n")
                    .arg(roff(spec.name), roff(spec.synopsis), roff(cmdletSyntax(spec)));
        if (spec.confirms)
            page +=
                QStringLiteral(".br\nAsks for confirmation (give \\fB\\-Confirm:$false\\fR in a script).\n");
    }
    page += QStringLiteral(".SH SEE ALSO\nscr\\-shell(1), scr\\-console(1)\n");
    return page;
}

} // namespace scr::ems
