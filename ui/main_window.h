#pragma once
#include <QMainWindow>

namespace tbui {

// The application's main window: menus, recent projects, and the screens of the pipeline.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace tbui
