#include "helpbrowser.h"

#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>

// Outside the namespace, as Q_INIT_RESOURCE needs (scr_ui is a static library).
static void initHelpResources()
{
    Q_INIT_RESOURCE(help);
}

namespace scr {

std::vector<HelpBrowser::Section> HelpBrowser::sections(const QString &markdown)
{
    std::vector<Section> out;
    static const QRegularExpression heading(QStringLiteral("^(#{1,4}) +(.+)$"));
    static const QRegularExpression image(QStringLiteral("^!\\[.*\\]\\(.*\\)\\s*$"));
    bool inCode = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("```")))
            inCode = !inCode;
        const QRegularExpressionMatch m = inCode ? QRegularExpressionMatch() : heading.match(line);
        if (m.hasMatch()) {
            out.push_back({m.captured(2).trimmed(), static_cast<int>(m.captured(1).size()), line + u'\n'});
            continue;
        }
        if (out.empty() || (!inCode && image.match(line).hasMatch()))
            continue;
        out.back().markdown += line + u'\n';
    }
    return out;
}

HelpBrowser::HelpBrowser(QWidget *parent) : QDialog(parent), m_list(new QListWidget), m_text(new QTextBrowser)
{
    initHelpResources();
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("SCR Console Help"));
    QFile file(QStringLiteral(":/help/README.md"));
    if (file.open(QIODevice::ReadOnly))
        m_sections = sections(QString::fromUtf8(file.readAll()));
    m_list->setObjectName(QStringLiteral("helpSections"));
    m_list->setAccessibleName(tr("Help sections"));
    for (const Section &s : m_sections) {
        auto *item = new QListWidgetItem(QString(static_cast<qsizetype>((s.level - 1) * 3), u' ') + s.title);
        m_list->addItem(item);
    }
    m_text->setObjectName(QStringLiteral("helpText"));
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("Help text"));
    auto *split = new QSplitter;
    split->addWidget(m_list);
    split->addWidget(m_text);
    split->setStretchFactor(1, 3);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(split);
    connect(m_list, &QListWidget::currentRowChanged, this, &HelpBrowser::showIndex);
    resize(900, 640);
    if (!m_sections.empty())
        m_list->setCurrentRow(0);
}

bool HelpBrowser::showSection(const QString &title)
{
    for (std::size_t i = 0; i < m_sections.size(); ++i)
        if (m_sections[i].title.startsWith(title, Qt::CaseInsensitive)) {
            m_list->setCurrentRow(static_cast<int>(i));
            return true;
        }
    if (!m_sections.empty())
        m_list->setCurrentRow(0);
    return false;
}

QString HelpBrowser::currentSection() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < static_cast<int>(m_sections.size())
               ? m_sections[static_cast<std::size_t>(row)].title
               : QString();
}

void HelpBrowser::showIndex(int index)
{
    if (index < 0 || index >= static_cast<int>(m_sections.size()))
        return;
    m_text->setMarkdown(m_sections[static_cast<std::size_t>(index)].markdown);
}

} // namespace scr
