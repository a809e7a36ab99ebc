#pragma once
// HelpBrowser: the console's help, README.md as compiled into the program (resources/help.qrc), shown one
// section at a time in a QTextBrowser, with the section list on the left. F1 opens the section of the pane
// that has focus; Help > Contents the first. The text is README's own, so the help cannot drift from it.

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace scr {

class HelpBrowser final : public QDialog
{
    Q_OBJECT
public:
    explicit HelpBrowser(QWidget *parent = nullptr);

    // Shows the section whose heading is title (case-insensitive; the first heading that starts with it);
    // false when README has none, and the first section shows instead.
    bool showSection(const QString &title);
    QString currentSection() const;

    // The help's sections as README has them: heading and its Markdown (without images: the help shows text).
    struct Section
    {
        QString title;
        int level = 1;
        QString markdown;
    };
    static std::vector<Section> sections(const QString &markdown);

private:
    void showIndex(int index);

    std::vector<Section> m_sections;
    QListWidget *m_list;
    QTextBrowser *m_text;
};

} // namespace scr
