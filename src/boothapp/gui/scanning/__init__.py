"""Badge input from scanners: keyboard-wedge bursts, cameras and image files.

``wedge``: :class:`WedgeScanner` (application event filter), :class:`ScannerIndicator`,
:class:`BadgeEntryBox`. ``camera``: :class:`CameraScanner`, :func:`available_cameras`,
:func:`decode_image_file`. ``calibration_dialog``: :class:`CalibrationDialog`.
"""
