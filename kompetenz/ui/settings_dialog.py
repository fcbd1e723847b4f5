"""The settings dialog: language, text size with a live preview, light or dark theme.

The dialog only edits a copy; the caller applies and saves `result_settings()` after OK.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kompetenz.ui.settings import (
    TEXT_SCALE_MAX,
    TEXT_SCALE_MIN,
    TEXT_SCALE_STEP,
    Settings,
)

# Each language is offered in its own name, so that anyone can find theirs.
LANGUAGE_NAMES = (("de", "Deutsch"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.initial = settings
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_note = QLabel(
            self.tr("ℹ A new language is used from the next start of Kompetenz.")
        )
        self.language_note.setObjectName("languageNoteLabel")
        self.language_note.setWordWrap(True)
        self.scale_slider = QSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setObjectName("textScaleSlider")
        # Named by its label "Text size:" (Qt does that while no name is set).
        self.scale_slider.setAccessibleDescription(self.tr("Text size in percent"))
        self.scale_spin = QSpinBox()
        self.scale_spin.setObjectName("textScaleSpin")
        self.scale_spin.setAccessibleName(self.tr("Text size in percent"))
        # The spin box hands its focus to the field inside it: a screen reader lands there.
        self.scale_spin.lineEdit().setAccessibleName(self.tr("Text size in percent"))
        self.scale_spin.setSuffix(" %")
        for control in (self.scale_slider, self.scale_spin):
            control.setRange(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
            control.setSingleStep(TEXT_SCALE_STEP)
        self.scale_slider.setPageStep(TEXT_SCALE_STEP * 2)
        self.scale_slider.setTickInterval(TEXT_SCALE_STEP * 2)
        self.scale_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.scale_slider.valueChanged.connect(self._on_scale_slider_value_changed)
        self.scale_spin.valueChanged.connect(self._on_scale_spin_value_changed)
        self.preview_label = QLabel(
            self.tr("This is how the text of a lesson will look. Is it easy to read?")
        )
        self.preview_label.setObjectName("textPreviewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview_label.setMargin(self.fontMetrics().height() // 2)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName(self.tr("Colour theme"))
        self.theme_combo.addItem(self.tr("Like the system"), "system")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The buttons are named by their visible text (Qt does that while no name is set), so a
        # learner who says what they see hits them, whatever Qt's translation calls them.
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setObjectName("restoreDefaultsButton")
        restore.setAccessibleDescription(self.tr("Restore the default settings"))
        restore.clicked.connect(self._on_restore_defaults_clicked)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        self._base_point_size = self.font().pointSizeF() * 100 / settings.text_scale
        self._build_layout()
        self._show(settings)

    def _build_layout(self) -> None:
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_slider, 1)
        scale_row.addWidget(self.scale_spin)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(self.fontMetrics().height() // 2)
        form.addRow(self._buddy(self.tr("&Language:"), self.language_combo), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self._buddy(self.tr("&Text size:"), self.scale_slider), scale_row)
        form.addRow("", self.preview_label)
        form.addRow(self._buddy(self.tr("T&heme:"), self.theme_combo), self.theme_combo)
        line = self.fontMetrics().height()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(line, line, line, line)
        layout.addLayout(form)
        layout.addSpacing(line)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Comfortable at 40 letters, but never wider than the screen: at 200 % text on an
        # 800 px screen 40 letters would be 1,100 px and OK and Cancel out of reach.
        comfortable = self.fontMetrics().horizontalAdvance("M") * 40
        screen = self.screen().availableGeometry().width() if self.screen() else comfortable
        self.setMinimumWidth(min(comfortable, screen * 9 // 10))
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped note and preview at the narrowest width: a window does
        not grow for wrapped text by itself, and the labels would be cut off."""
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.totalHeightForWidth(self.minimumWidth()))

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _show(self, settings: Settings) -> None:
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.scale_slider.setValue(settings.text_scale)
        self._on_scale_slider_value_changed(settings.text_scale)

    def result_settings(self) -> Settings:
        """The settings as chosen in the dialog (unchanged fields are passed through)."""
        return replace(
            self.initial,
            language=str(self.language_combo.currentData()),
            text_scale=self.scale_spin.value(),
            theme=str(self.theme_combo.currentData()),
        ).checked()

    def _on_scale_slider_value_changed(self, value: int) -> None:
        self.scale_spin.setValue(value)
        font = self.preview_label.font()
        font.setPointSizeF(self._base_point_size * value / 100)
        self.preview_label.setFont(font)
        if self.layout() is not None:  # not while the dialog is being built
            self._fit_height()

    def _on_scale_spin_value_changed(self, value: int) -> None:
        self.scale_slider.setValue(value)

    def _on_restore_defaults_clicked(self) -> None:
        self._show(Settings())
