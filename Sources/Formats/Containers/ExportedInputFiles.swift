// Readers and their callers take whole files through `InputFile`; importing Formats brings it along.
@_exported import InputFiles
