#include "ui/main_window.h"

#include <QLabel>

namespace tbui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Tunebench"));
    setCentralWidget(new QLabel(tr("No project open"), this));
    resize(1200, 800);
}

}  // namespace tbui
