// Engines render into the shared audio type; importing Synthesis brings it along.
@_exported import Audio
