#include "cmdletregistry.h"

#include "cmdlets/registration.h"

#include <algorithm>

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

void CmdletRegistry::sortBy(const QStringList &order)
{
    const auto rank = [&order](const CmdletSpec &c) {
        const qsizetype i = order.indexOf(c.name);
        return i < 0 ? order.size() : i;
    };
    std::stable_sort(m_cmdlets.begin(), m_cmdlets.end(),
                     [&rank](const CmdletSpec &a, const CmdletSpec &b) { return rank(a) < rank(b); });
}

QString cmdletSyntax(const CmdletSpec &spec)
{
    QStringList parts{spec.name};
    for (const ParameterSpec &p : spec.parameters) {
        QString part = QLatin1Char('-') + p.name;
        if (!p.values.isEmpty()) // as PowerShell shows a parameter that takes a set of values
            part += QStringLiteral(" {") + p.values.join(QStringLiteral(" | ")) + QLatin1Char('}');
        else if (p.type != ParameterType::Switch)
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

const QStringList &cmdletListingOrder()
{
    // The session first, then the SCR copies and the simulation, the activation runbooks' cmdlets, and the
    // file commands: the order the shell has always listed them in (Get-Help's text is kept as it was).
    static const QStringList order{
        QStringLiteral("Enter-PSSession"),
        QStringLiteral("Exit-PSSession"),
        QStringLiteral("exit"),
        QStringLiteral("Get-ExchangeServer"),
        QStringLiteral("Get-StorageGroup"),
        QStringLiteral("Enable-StorageGroupCopy"),
        QStringLiteral("Disable-StorageGroupCopy"),
        QStringLiteral("Suspend-StorageGroupCopy"),
        QStringLiteral("Resume-StorageGroupCopy"),
        QStringLiteral("Update-StorageGroupCopy"),
        QStringLiteral("Get-StorageGroupCopyStatus"),
        QStringLiteral("Get-MailboxDatabase"),
        QStringLiteral("Mount-Database"),
        QStringLiteral("Dismount-Database"),
        QStringLiteral("Set-MailboxDatabase"),
        QStringLiteral("Start-DatabaseBackup"),
        QStringLiteral("Start-MailFlow"),
        QStringLiteral("Stop-MailFlow"),
        QStringLiteral("Step-Simulation"),
        QStringLiteral("Start-Host"),
        QStringLiteral("Stop-Host"),
        QStringLiteral("Set-SimulationClock"),
        QStringLiteral("Invoke-Fault"),
        QStringLiteral("eseutil"),
        QStringLiteral("New-StorageGroup"),
        QStringLiteral("Remove-StorageGroup"),
        QStringLiteral("New-MailboxDatabase"),
        QStringLiteral("Remove-MailboxDatabase"),
        QStringLiteral("Move-StorageGroupPath"),
        QStringLiteral("Move-DatabasePath"),
        QStringLiteral("Restore-StorageGroupCopy"),
        QStringLiteral("Get-Mailbox"),
        QStringLiteral("Get-MailboxStatistics"),
        QStringLiteral("Move-Mailbox"),
        QStringLiteral("Rename-Computer"),
        QStringLiteral("Get-Host"),
        QStringLiteral("Set-Host"),
        QStringLiteral("setup"),
        QStringLiteral("Test-Path"),
        QStringLiteral("Get-ChildItem"),
        QStringLiteral("dir"),
        QStringLiteral("ls"),
        QStringLiteral("gci"),
        QStringLiteral("Remove-Item"),
        QStringLiteral("Copy-Item"),
        QStringLiteral("Move-Item"),
        QStringLiteral("Rename-Item"),
    };
    return order;
}

void registerAllCmdlets(CmdletRegistry &registry)
{
    for (const auto add :
         {registerPSSessionCmdlets, registerExitCmdlets, registerExchangeServerCmdlets,
          registerStorageGroupCmdlets, registerStorageGroupCopyCmdlets, registerMailboxDatabaseCmdlets,
          registerDatabaseCmdlets, registerMailFlowCmdlets, registerSimulationCmdlets, registerHostCmdlets,
          registerFaultCmdlets, registerEseutilCmdlets, registerMailboxCmdlets, registerComputerCmdlets,
          registerSetupCmdlets, registerPathCmdlets, registerChildItemCmdlets, registerItemCmdlets})
        add(registry);
    registry.sortBy(cmdletListingOrder());
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
