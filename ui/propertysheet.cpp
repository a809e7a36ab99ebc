#include "propertysheet.h"

#include "models/displaytime.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scr {

PropertySheet::PropertySheet(QString key, Run run, QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_run(std::move(run)), m_goneBanner(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    m_goneBanner->setObjectName(QStringLiteral("goneBanner"));
    m_goneBanner->setWordWrap(true);
    m_goneBanner->setStyleSheet(QStringLiteral("color: #b03020; font-weight: bold;"));
    m_goneBanner->hide();
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PropertySheet::apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_goneBanner);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);
}

void PropertySheet::update(const LabSnapshot &snapshot)
{
    // A gone object keeps the last values it had, greyed: what it was is still worth reading.
    m_gone = !refresh(snapshot);
    m_goneBanner->setVisible(m_gone);
    if (m_gone)
        m_goneBanner->setText(goneText());
    m_tabs->setEnabled(!m_gone);
    edited();
}

void PropertySheet::apply()
{
    if (m_gone)
        return;
    const QStringList changes = commands();
    for (const QString &command : changes)
        m_run(command);
    applied();
    edited();
}

void PropertySheet::edited()
{
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!m_gone && !commands().isEmpty());
}

QString propertyTimeOnly(qint64 ms)
{
    // The console's one format of a moment (the result pane's), or a dash for never.
    return ms <= 0 ? QStringLiteral("\u2014") : displayTime(ms);
}

QString propertyTime(qint64 ms, qint64 nowMs)
{
    if (ms <= 0)
        return propertyTimeOnly(ms);
    const qint64 age = (nowMs - ms) / 1000;
    QString ago;
    if (age < 0)
        ago = PropertySheet::tr("ahead of the clock");
    else if (age < 60)
        ago = PropertySheet::tr("%1 s ago").arg(age);
    else if (age < 3600)
        ago = PropertySheet::tr("%1 min ago").arg(age / 60);
    else if (age < 86400)
        ago = PropertySheet::tr("%1 h %2 min ago").arg(age / 3600).arg(age % 3600 / 60);
    else
        ago = PropertySheet::tr("%1 d %2 h ago").arg(age / 86400).arg(age % 86400 / 3600);
    return PropertySheet::tr("%1 (%2)").arg(propertyTimeOnly(ms), ago);
}

QString propertySize(qint64 bytes)
{
    if (bytes < 0)
        return PropertySheet::tr("Unknown");
    return QLocale().formattedDataSize(bytes);
}

} // namespace scr
