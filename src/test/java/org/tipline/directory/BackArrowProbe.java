package org.tipline.directory;

import org.tipline.casework.CaseFiles;

/**
 * Test-only: a directory class that uses case work, an arrow running back up. ArchitectureTest shows that its
 * rules catch it; the main code is checked without it.
 */
public class BackArrowProbe {

    Object use(CaseFiles files) {
        return files;
    }
}
