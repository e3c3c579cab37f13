package org.textvae.cli;

/**
 * How {@code verse --generate} writes its poems.
 *
 * @param candidates codes tried for each line
 * @param followLines whether lines follow the model's line succession, when it holds one
 * @param ownThemes whether each poem keeps to a word of its own first line
 */
record Writing(int candidates, boolean followLines, boolean ownThemes) {

    /** The request for poems of {@code form} written this way. */
    org.textvae.poetry.PoemRequest request(org.textvae.poetry.VerseForm form) {
        org.textvae.poetry.PoemRequest request = org.textvae.poetry.PoemRequest.of(form);
        return ownThemes ? request.withOwnTheme() : request;
    }
}
