#include "shellpane.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace scr {

ShellPane::ShellPane(QWidget *parent)
    : QWidget(parent), m_output(new QPlainTextEdit(this)), m_input(new QLineEdit(this))
{
    setObjectName(QStringLiteral("shellPane"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setObjectName(QStringLiteral("shellOutput"));
    m_output->setAccessibleName(tr("Shell output"));
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(5000);
    m_input->setObjectName(QStringLiteral("shellInput"));
    m_input->setFont(mono);
    m_input->setPlaceholderText(tr("Get-StorageGroupCopyStatus | fl"));
    m_input->installEventFilter(this);
    auto *prompt = new QLabel(QStringLiteral("[PS] >"), this);
    prompt->setFont(mono);
    prompt->setBuddy(m_input);
    auto *line = new QHBoxLayout;
    line->addWidget(prompt);
    line->addWidget(m_input, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_output, 1);
    layout->addLayout(line);
    connect(m_input, &QLineEdit::returnPressed, this, &ShellPane::enter);
}

void ShellPane::enter()
{
    const QString command = m_input->text().trimmed();
    if (command.isEmpty())
        return;
    if (m_history.isEmpty() || m_history.back() != command)
        m_history << command;
    m_browsing = m_history.size();
    m_input->clear();
    Q_EMIT commandEntered(command);
}

void ShellPane::showCommand(const QString &command)
{
    m_output->appendPlainText(QStringLiteral("[PS] > ") + command);
}

void ShellPane::showResult(const QString &text, bool ok, const QString &error)
{
    QString shown = text;
    while (shown.endsWith(QLatin1Char('\n')))
        shown.chop(1);
    if (!shown.isEmpty())
        m_output->appendPlainText(shown);
    if (!ok)
        m_output->appendPlainText(error);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

QString ShellPane::output() const
{
    return m_output->toPlainText();
}

bool ShellPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && !m_history.isEmpty()) {
            m_browsing =
                std::clamp<qsizetype>(m_browsing + (key == Qt::Key_Up ? -1 : 1), 0, m_history.size());
            m_input->setText(m_browsing < m_history.size() ? m_history[m_browsing] : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ShellPane::clear()
{
    m_output->clear();
    m_input->clear();
    m_history.clear();
    m_browsing = 0;
}

} // namespace scr
