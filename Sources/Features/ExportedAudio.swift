// Audio files are read into and written from the shared audio type; importing Features brings it along.
@_exported import Audio
